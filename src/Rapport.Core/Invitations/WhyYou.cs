using System.Text.Json;

namespace Rapport.Core.Invitations;

/// <summary>One person on a "why you" trust path.</summary>
public sealed record WhyPerson(string Handle, string DisplayName);

/// <summary>
/// "Why you", as stored in <see cref="Invitation.Reason"/> (JSON) and shown to the invitee and the asker: the trust path
/// from the asker to the invitee (only through public statements, so it tells neither of them anything they could not
/// already see), the problem's topics and words the invitee's public work matched, the note of whoever invited or
/// referred them, who referred them, and the offer an "ask again" came from. Frozen when the invitation is made.
/// </summary>
public sealed record WhyYou(
    IReadOnlyList<WhyPerson> Path,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Terms,
    string Note,
    WhyPerson? ReferredBy,
    string? Offer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WhyYou Noted(string note) => new([], [], [], note, null, null);

    /// <summary>Nothing to show.</summary>
    public bool IsEmpty => Path.Count == 0 && Topics.Count == 0 && Terms.Count == 0 && Note.Length == 0 && ReferredBy is null && Offer is null;

    public string ToReason()
    {
        var reason = JsonSerializer.Serialize(this, Json);
        // A reason never outgrows its column: drop the longest part (the note was already cut to its own limit).
        return reason.Length <= Invitation.ReasonMaxLength ? reason : JsonSerializer.Serialize(this with { Terms = [], Path = [] }, Json);
    }

    /// <summary>The stored reason; plain text (as written by hand before this format) becomes the note.</summary>
    public static WhyYou Parse(string reason)
    {
        if (reason.StartsWith('{'))
        {
            try
            {
                if (JsonSerializer.Deserialize<WhyYou>(reason, Json) is { } why)
                {
                    return why with { Path = why.Path ?? [], Topics = why.Topics ?? [], Terms = why.Terms ?? [], Note = why.Note ?? "" };
                }
            }
            catch (JsonException)
            {
                // not ours: show it as it is
            }
        }

        return Noted(reason);
    }
}
