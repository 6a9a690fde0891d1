namespace Rapport.Web.Accounts;

/// <summary>
/// <c>Rapport:Security:RateLimits</c>: how many attempts each client address (and, for sign-in, each
/// account) may make per <see cref="Window"/>. Only form posts count, not page views.
/// </summary>
public sealed class RateLimitSettings
{
    public int LoginPerClient { get; set; } = 10;

    public int LoginPerAccount { get; set; } = 5;

    public int RegisterPerClient { get; set; } = 5;

    public int ForgotPasswordPerClient { get; set; } = 5;

    public int ResendConfirmationPerClient { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
