namespace Rapport.Web.Accounts;

/// <summary>
/// <c>Rapport:Security:RateLimits</c>: how many attempts each client address (and, for sign-in, each
/// account) may make per <see cref="Window"/>; for the account pages only form posts count. Signed-in
/// people also have a budget of changes (API calls and form posts) and of searches (API and pages) per window.
/// </summary>
public sealed class RateLimitSettings
{
    public int LoginPerClient { get; set; } = 10;

    public int LoginPerAccount { get; set; } = 5;

    public int RegisterPerClient { get; set; } = 5;

    public int ForgotPasswordPerClient { get; set; } = 5;

    public int ResendConfirmationPerClient { get; set; } = 5;

    /// <summary>Changes per account: POST, PUT, PATCH and DELETE through the API, and form posts on the pages (counted apart).</summary>
    public int WritesPerAccount { get; set; } = 60;

    /// <summary>Searches per account: the people and community search endpoints, and the directory and community list pages (counted apart).</summary>
    public int SearchesPerAccount { get; set; } = 120;

    /// <summary>Trust statements stated, changed or revoked through the API, per account (on top of Core's daily cap of 200).</summary>
    public int TrustStatementsPerAccount { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
