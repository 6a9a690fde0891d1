using System.Globalization;
using Rapport.Core.Outcomes;
using Rapport.Core.Recommendations;

namespace Rapport.Core.Dialogue;

/// <summary>
/// What a person adds to a problem's dialogue. <c>url</c> is required for an artefact (and allowed only there);
/// <c>perspectiveName</c> is required for a perspective (and allowed only there); <c>quote</c> needs <c>replyTo</c> and
/// must be a passage of that contribution.
/// </summary>
public sealed record ContributionInput(
    ContributionKind? Kind,
    string? Body,
    string? Url = null,
    string? PerspectiveName = null,
    Guid? ReplyTo = null,
    string? Quote = null);

internal static class DialogueRules
{
    /// <summary>Perspectives with the same name up to case and spacing are one perspective.</summary>
    public static string PerspectiveKey(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLower(CultureInfo.InvariantCulture);

    /// <summary>Checks the fields that need no database; answers the normalized values.</summary>
    public static (ContributionKind Kind, string Body, string? Url, string? PerspectiveName, string Quote) Validate(
        ContributionInput input, FieldErrors errors)
    {
        var kind = input.Kind ?? (ContributionKind)(-1);
        if (!Enum.IsDefined(kind))
        {
            errors.Add("kind", "Choose what it is: a reply, proposal, artefact or perspective.");
        }

        var body = RecommendationRules.Text(input.Body, "body", "Text", Contribution.BodyMaxLength, errors);
        if (kind != ContributionKind.Artefact && string.IsNullOrWhiteSpace(body))
        {
            errors.Add("body", "Write something.");
        }

        string? url = null;
        if (kind == ContributionKind.Artefact)
        {
            var raw = (input.Url ?? "").Trim();
            if (raw.Length == 0 || raw.Length > Contribution.UrlMaxLength
                || !Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                errors.Add("url", $"Give the artefact's web address, starting with http:// or https://, at most {Contribution.UrlMaxLength} characters.");
            }
            else
            {
                url = uri.AbsoluteUri;
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Url))
        {
            errors.Add("url", "Only an artefact has a web address.");
        }

        string? perspective = null;
        if (kind == ContributionKind.Perspective)
        {
            perspective = RecommendationRules.Text(input.PerspectiveName, "perspectiveName", "Perspective name", Contribution.PerspectiveNameMaxLength, errors, multiline: false);
            if (perspective.Length == 0)
            {
                errors.Add("perspectiveName", "Name the perspective (for example “the harbour master's view”).");
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.PerspectiveName))
        {
            errors.Add("perspectiveName", "Only a perspective has a name.");
        }

        var quote = RecommendationRules.Text(input.Quote, "quote", "Quote", Contribution.QuotedTextMaxLength, errors);
        if (quote.Length > 0 && input.ReplyTo is null)
        {
            errors.Add("quote", "A quote comes from the contribution you reply to.");
        }

        return (kind, body, url, perspective, quote);
    }
}
