using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Core.Accounts;
using Rapport.Core.Persistence;

namespace Rapport.Web.Accounts;

/// <summary>
/// Keeps sign-in tickets in the <see cref="Session"/> table; the cookie carries only the session's key.
/// Sign-out deletes the row, so a copied cookie stops working at once, on every app node.
/// </summary>
internal sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, TimeProvider clock, IOptions<IdentityOptions> identity) : ITicketStore
{
    /// <summary>The <see cref="HttpContext.Items"/> key holding the current request's session id (a <see cref="Guid"/>).</summary>
    public const string CurrentSessionItem = "Rapport.SessionId";

    /// <summary>The session this request was signed in with, if any.</summary>
    public static Guid? CurrentSession(HttpContext context) => context.Items[CurrentSessionItem] as Guid?;

    // The claims of the ticket read for this request, to tell a real change from a routine renewal.
    private const string ClaimsFingerprintItem = "Rapport.SessionClaims";

    // Unless the claims changed (a refreshed sign-in, a new security stamp), seen-at and sliding expiry are
    // written at most this often, so reading a page is not a write.
    private static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Rapport.Accounts.Session");

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var accountId = ticket.Principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A sign-in ticket without an account id cannot be stored.");
        var now = clock.GetUtcNow();
        var session = new Session
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            Ticket = Protect(ticket),
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc ?? now.AddDays(14),
            UserAgent = Truncate(httpContext?.Request.Headers.UserAgent.ToString()),
        };

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        await db.Sessions.Where(s => s.AccountId == accountId && s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        httpContext?.Items[CurrentSessionItem] = session.Id;
        httpContext?.Items[ClaimsFingerprintItem] = ClaimsFingerprint(ticket);
        return session.Id.ToString("N");
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var staleBefore = now - TouchInterval;
        var fingerprint = ClaimsFingerprint(ticket);
        var claimsChanged = httpContext?.Items[ClaimsFingerprintItem] as string != fingerprint;
        var expires = ticket.Properties.ExpiresUtc ?? now.AddDays(14);
        var protectedTicket = Protect(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        // Never re-creates a deleted session: a renewal racing a sign-out loses.
        await db.Sessions
            .Where(s => s.Id == id && (claimsChanged || s.LastSeenAt <= staleBefore))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Ticket, protectedTicket).SetProperty(s => s.ExpiresAt, expires).SetProperty(s => s.LastSeenAt, now),
                cancellationToken);
        httpContext?.Items[ClaimsFingerprintItem] = fingerprint;
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || session.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }

        var ticket = Unprotect(session.Ticket);
        if (ticket is not null)
        {
            httpContext?.Items[CurrentSessionItem] = session.Id;
            httpContext?.Items[ClaimsFingerprintItem] = ClaimsFingerprint(ticket);
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RapportDbContext>();
        // Not the request's token: a browser that hangs up mid-sign-out must still be signed out.
        await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(CancellationToken.None);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(data));
        }
        catch (CryptographicException)
        {
            return null; // The key ring lost the key that wrote it: the browser signs in again.
        }
    }

    private static string ClaimsFingerprint(AuthenticationTicket ticket)
    {
        var claims = string.Join('\n', ticket.Principal.Claims.Select(c => $"{c.Type}\0{c.Value}").Order(StringComparer.Ordinal));
        return Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(claims)));
    }

    private static string? Truncate(string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? null : userAgent[..Math.Min(userAgent.Length, Session.UserAgentMaxLength)];
}
