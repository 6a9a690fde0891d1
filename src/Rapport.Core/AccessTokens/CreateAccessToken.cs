using Microsoft.EntityFrameworkCore;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.AccessTokens;

/// <summary>Creates a personal access token for scripts. Only the hash of its secret is stored.</summary>
public sealed class CreateAccessToken(RapportDbContext db, TimeProvider clock)
{
    /// <summary>The lifetimes offered, in days; null (no expiry) is offered too.</summary>
    public static readonly IReadOnlyList<int> LifetimesInDays = [30, 90, 365];

    public async Task<Outcome<CreatedAccessToken>> ExecuteAsync(
        string accountId, string? name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        name = name?.Trim();
        var errors = new FieldErrors()
            .Required("name", name, "Name")
            .MaxLength("name", name, AccessToken.NameMaxLength, "Name");
        if (expiresInDays is { } days && !LifetimesInDays.Contains(days))
        {
            errors.Add("expiresInDays", $"Choose an expiry of {string.Join(", ", LifetimesInDays)} days, or none.");
        }

        if (!errors.IsEmpty)
        {
            return Outcome<CreatedAccessToken>.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var active = await db.AccessTokens.CountAsync(
            t => t.AccountId == accountId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now), cancellationToken);
        if (active >= AccessToken.MaxPerAccount)
        {
            return Outcome<CreatedAccessToken>.Conflict($"You have {AccessToken.MaxPerAccount} active tokens, the most allowed. Revoke one you no longer use first.");
        }

        var secret = AccessTokenSecret.Generate();
        var token = new AccessToken
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Name = name!,
            SecretHash = AccessTokenSecret.Hash(secret),
            Prefix = AccessTokenSecret.VisiblePart(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } lifetime ? now.AddDays(lifetime) : null,
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedAccessToken(AccessTokenSummary.From(token, now), secret);
    }
}
