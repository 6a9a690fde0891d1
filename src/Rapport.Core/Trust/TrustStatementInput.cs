using Rapport.Core.Outcomes;

namespace Rapport.Core.Trust;

/// <summary>
/// A statement as submitted: whom (<c>To</c>, a handle), how much (<c>Value</c>, see <see cref="TrustLevel"/>), on what
/// (<c>Topic</c>, optional), who may see it (<c>Visibility</c>; <c>Community</c> is the slug of a community the author
/// belongs to, for community visibility only) and an optional <c>Note</c> (plain text or Markdown).
/// </summary>
public sealed record TrustStatementInput(string? To, double? Value, string? Topic, TrustVisibility? Visibility, string? Community, string? Note)
{
    /// <summary>The same statement's new value, visibility, community and note; whom and on what stay.</summary>
    public TrustStatementInput(TrustStatementChange change)
        : this(null, change.Value, null, change.Visibility, change.Community, change.Note)
    {
    }
}

/// <summary>A change to an existing statement: everything but whom and on what, which make it the statement it is.</summary>
public sealed record TrustStatementChange(double? Value, TrustVisibility? Visibility, string? Community, string? Note);

/// <summary>The fields of a statement after validation: trimmed, normalized.</summary>
internal sealed record ValidTrustFields(double Value, TrustVisibility Visibility, string? CommunitySlug, string Note)
{
    /// <summary>Adds to <paramref name="errors"/> what is wrong with the value, visibility, community and note.</summary>
    public static ValidTrustFields? Validate(TrustStatementInput input, FieldErrors errors)
    {
        if (TrustLevel.Problem(input.Value) is { } valueProblem)
        {
            errors.Add("value", valueProblem);
        }

        var slug = string.IsNullOrWhiteSpace(input.Community) ? null : Communities.CommunitySlug.Normalize(input.Community);
        switch (input.Visibility)
        {
            case null:
            case { } v when !Enum.IsDefined(v):
                errors.Add("visibility", "Choose who may see it: public, community or private.");
                break;
            case TrustVisibility.Community when slug is null:
                errors.Add("community", "Name the community that may see it.");
                break;
            case TrustVisibility.Public or TrustVisibility.Private when !string.IsNullOrWhiteSpace(input.Community):
                errors.Add("community", "Only a statement shared with a community names one.");
                break;
        }

        var note = (input.Note ?? "").ReplaceLineEndings("\n").Trim();
        errors.MaxLength("note", note, TrustStatement.NoteMaxLength, "Note");
        if (note.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors.Add("note", "Note cannot contain control characters.");
        }

        return errors.IsEmpty ? new ValidTrustFields(input.Value!.Value, input.Visibility!.Value, slug, note) : null;
    }

    /// <summary>The normalized topic (empty for general trust), adding an error when a given topic is not one.</summary>
    public static string Topic(string? raw, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return TrustStatement.GeneralTopic;
        }

        if (Rapport.Trust.Topics.Topic.Normalize(raw) is { } topic)
        {
            return topic;
        }

        errors.Add("topic", $"A topic is at most {Rapport.Trust.Topics.Topic.MaxLength} characters, without control characters.");
        return TrustStatement.GeneralTopic;
    }

    /// <summary>A handle as a body or query names a person (with or without @, any case); null, with an error, when none is given.</summary>
    public static string? Handle(string? raw, string field, FieldErrors errors)
    {
        var handle = People.Handle.Normalize(raw);
        if (handle is null)
        {
            errors.Add(field, "Name the person by their handle.");
        }

        return handle;
    }
}
