using Rapport.Core.People;
using Rapport.Core.Trust;

namespace Rapport.Web.Trust.Pages;

/// <summary>
/// A trust statement as the forms post it (Input.To, Input.Value, ...). The value is one of the named steps, or the
/// statement's current value when the API set one between them. A community is sent only with community visibility,
/// so switching a form to public after picking a community does not make it an error.
/// </summary>
public sealed class TrustForm
{
    public string? To { get; set; }

    public string? Value { get; set; }

    public string? Topic { get; set; }

    public TrustVisibility? Visibility { get; set; } = TrustVisibility.Public;

    public string? Community { get; set; }

    public string? Note { get; set; }

    public static TrustForm From(TrustStatementView statement) => new()
    {
        To = statement.To.Handle,
        Value = TrustPageText.FormValue(statement.Value),
        Topic = statement.Topic,
        Visibility = statement.Visibility,
        Community = statement.Community?.Slug,
        Note = statement.Note,
    };

    public TrustStatementInput ToInput() => new(To, TrustPageText.ParseValue(Value), Topic, Visibility, SharedWith, Note);

    public TrustStatementChange ToChange() => new(TrustPageText.ParseValue(Value), Visibility, SharedWith, Note);

    private string? SharedWith => Visibility == TrustVisibility.Community ? Community : null;
}

/// <summary>A community the signed-in person may share a statement with.</summary>
public sealed record TrustCommunityChoice(string Slug, string Name)
{
    public static IReadOnlyList<TrustCommunityChoice> From(ProfileView? me) =>
        me is null ? [] : [.. me.Communities.Select(c => new TrustCommunityChoice(c.Slug, c.Name))];
}
