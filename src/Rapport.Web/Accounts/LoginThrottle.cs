using System.Threading.RateLimiting;

namespace Rapport.Web.Accounts;

/// <summary>
/// Limits sign-in attempts per account (keyed by normalized email), whatever address they come from,
/// so a botnet cannot try passwords against one account faster than <see cref="RateLimitSettings.LoginPerAccount"/>
/// per window. Unlike lockout, it never stops the owner for longer than the window.
/// </summary>
public sealed class LoginThrottle(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.LoginPerAccount, Window = settings.Window, QueueLimit = 0 }));

    /// <summary>Takes one attempt for <paramref name="normalizedEmail"/>; false when the account has used up its window.</summary>
    public bool TryAttempt(string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
