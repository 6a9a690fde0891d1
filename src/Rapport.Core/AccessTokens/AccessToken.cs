namespace Rapport.Core.AccessTokens;

/// <summary>
/// A personal access token for scripts calling the API. Only the SHA-256 of the secret is stored;
/// the secret is shown once, when created.
/// </summary>
public sealed class AccessToken
{
    public const int NameMaxLength = 60;
    public const int MaxPerAccount = 20;

    public Guid Id { get; set; }

    public required string AccountId { get; set; }

    public required string Name { get; set; }

    public required string SecretHash { get; set; }

    /// <summary>The first characters of the secret, so the owner can tell tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
