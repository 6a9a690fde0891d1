namespace Rapport.Core.AccessTokens;

/// <summary>What the owner sees of a token: never the secret, only its first characters.</summary>
public sealed record AccessTokenSummary(
    Guid Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, bool IsExpired)
{
    public static AccessTokenSummary From(AccessToken token, DateTimeOffset now) =>
        new(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.ExpiresAt <= now);
}

/// <summary>A new token and its secret, which exists only in this answer.</summary>
public sealed record CreatedAccessToken(AccessTokenSummary Token, string Secret);
