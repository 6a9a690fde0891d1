using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;

namespace Rapport.Web.AccessTokens;

/// <summary>
/// Signs a request in from <c>Authorization: Bearer rpt_…</c>. The principal carries the same claims as a
/// cookie sign-in, with <see cref="ClaimsIdentity.AuthenticationType"/> = <see cref="AccessTokenDefaults.Scheme"/>
/// (the API's antiforgery filter trusts that: a bearer token never rides along on a cross-site request).
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RapportDbContext db,
    UserManager<Account> users,
    IUserClaimsPrincipalFactory<Account> claimsFactory,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private const int MaxSecretLength = 100;

    // Writing "last used" on every call would turn reads into writes; a minute is precise enough for the owner.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var secret = header[BearerPrefix.Length..].Trim();
        if (!secret.StartsWith(AccessTokenSecret.Prefix, StringComparison.Ordinal) || secret.Length > MaxSecretLength)
        {
            return AuthenticateResult.Fail("The access token is not valid.");
        }

        // Looked up by its SHA-256: the secret itself never reaches the database, and a timing difference in the
        // index lookup says nothing useful about a secret with 256 random bits.
        var hash = AccessTokenSecret.Hash(secret);
        var token = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow();
        if (token is null || !SameHash(token.SecretHash, hash) || !token.IsActiveAt(now))
        {
            return AuthenticateResult.Fail("The access token is not valid, has expired or was revoked.");
        }

        var account = await users.FindByIdAsync(token.AccountId);
        if (account is null)
        {
            return AuthenticateResult.Fail("The access token is not valid.");
        }

        await TouchAsync(token, now);
        var cookieLike = await claimsFactory.CreateAsync(account);
        var template = (ClaimsIdentity)cookieLike.Identity!;
        var identity = new ClaimsIdentity(cookieLike.Claims, Scheme.Name, template.NameClaimType, template.RoleClaimType);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    private async Task TouchAsync(AccessToken token, DateTimeOffset now)
    {
        if (token.LastUsedAt is { } last && now - last < LastUsedPrecision)
        {
            return;
        }

        var before = now - LastUsedPrecision;
        await db.AccessTokens
            .Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < before))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
    }

    private static bool SameHash(string stored, string computed) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(computed));
}
