namespace Rapport.Core.Accounts;

/// <summary>
/// A signed-in browser. The sign-in cookie only names the session; the ticket lives here, so deleting
/// the row signs that browser out at once, even if someone kept a copy of the cookie.
/// </summary>
public sealed class Session
{
    public const int UserAgentMaxLength = 200;

    /// <summary>The key carried (encrypted) in the cookie.</summary>
    public Guid Id { get; set; }

    public required string AccountId { get; set; }

    /// <summary>The serialized authentication ticket, encrypted with Data Protection.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The browser's own description, truncated; shown in the list of signed-in devices.</summary>
    public string? UserAgent { get; set; }
}
