using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;
using Rapport.Core.People;
using PersonSummary = Rapport.Core.Communities.PersonSummary;
using Rapport.Core.Trust;

namespace Rapport.Web.Trust;

/// <summary>
/// Trust in someone: whom (<c>to</c>, a handle), how much (<c>value</c> in [-1, 1], at least 0.01 away from 0; pages
/// offer -1 distrust, 0.25 some, 0.6 a lot, 1 completely), on what (<c>topic</c>, optional), who may see it
/// (<c>visibility</c>; <c>community</c> is the slug of a community you belong to, for community visibility only), and an
/// optional <c>note</c> (plain text or Markdown). The author is always the caller, never the body.
/// </summary>
public sealed record StateTrustRequest(
    [property: MaxLength(Person.HandleMaxLength + 1)] string? To,
    [property: Range(-1.0, 1.0)] double? Value,
    [property: MaxLength(Rapport.Trust.Topics.Topic.MaxLength)] string? Topic,
    TrustVisibility? Visibility,
    [property: MaxLength(Community.SlugMaxLength)] string? Community,
    [property: MaxLength(TrustStatement.NoteMaxLength)] string? Note)
{
    public TrustStatementInput ToInput() => new(To, Value, Topic, Visibility, Community, Note);
}

/// <summary>A statement's new value, visibility, community and note. Whom and on what make it the statement it is, and stay.</summary>
public sealed record ChangeTrustRequest(
    [property: Range(-1.0, 1.0)] double? Value,
    TrustVisibility? Visibility,
    [property: MaxLength(Community.SlugMaxLength)] string? Community,
    [property: MaxLength(TrustStatement.NoteMaxLength)] string? Note)
{
    public TrustStatementChange ToChange() => new(Value, Visibility, Community, Note);
}

/// <summary>Someone named in a trust answer: enough to show them and link to their profile.</summary>
public sealed record TrustPersonResponse(string Handle, string DisplayName)
{
    public static TrustPersonResponse From(PersonSummary p) => new(p.Handle, p.DisplayName);
}

public sealed record TrustCommunityResponse(string Slug, string Name)
{
    public static TrustCommunityResponse? From(TrustCommunity? c) => c is null ? null : new(c.Slug, c.Name);
}

/// <summary>
/// A statement as the caller may see it. <c>level</c> names the nearest step (distrust, some, a lot, completely);
/// <c>communityLapsed</c>: shared with a community its author has left, so it counts as private until they rejoin.
/// <c>noteHtml</c> is the note rendered and sanitized.
/// </summary>
public sealed record TrustStatementResponse(
    Guid Id,
    TrustPersonResponse From,
    TrustPersonResponse To,
    double Value,
    string Level,
    string? Topic,
    TrustVisibility Visibility,
    TrustCommunityResponse? Community,
    bool CommunityLapsed,
    string Note,
    string NoteHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    DateTimeOffset? RevokedAt)
{
    public static TrustStatementResponse Of(TrustStatementView s) => new(
        s.Id, TrustPersonResponse.From(s.From), TrustPersonResponse.From(s.To), s.Value, s.Level.Name, s.Topic, s.Visibility,
        TrustCommunityResponse.From(s.Community), s.CommunityLapsed, s.Note, s.NoteHtml, s.CreatedAt, s.ChangedAt, s.RevokedAt);
}

public sealed record TrustVersionResponse(
    int Version, TrustStatementEvent Event, double Value, TrustVisibility Visibility, TrustCommunityResponse? Community, string Note, string NoteHtml, DateTimeOffset At)
{
    public static TrustVersionResponse From(TrustStatementVersionView v) =>
        new(v.Version, v.Event, v.Value, v.Visibility, TrustCommunityResponse.From(v.Community), v.Note, v.NoteHtml, v.At);
}

/// <summary>A statement and every version it went through, oldest first.</summary>
public sealed record TrustHistoryResponse(TrustStatementResponse Statement, IReadOnlyList<TrustVersionResponse> Versions)
{
    public static TrustHistoryResponse From(TrustStatementHistory h) =>
        new(TrustStatementResponse.Of(h.Statement), h.Versions.Select(TrustVersionResponse.From).ToList());
}

public sealed record TrustStatementPageResponse(IReadOnlyList<TrustStatementResponse> Items, int Total, int Offset, int Limit)
{
    public static TrustStatementPageResponse From(Page<TrustStatementView> page) =>
        new(page.Items.Select(TrustStatementResponse.Of).ToList(), page.Total, page.Offset, page.Limit);
}

/// <summary>Your own current statements about someone, and the level of trust your perspective gives them on <c>topic</c> (null: nothing connects you).</summary>
public sealed record TrustInResponse(TrustPersonResponse Person, string? Topic, double? Level, IReadOnlyList<TrustStatementResponse> MyStatements)
{
    public static TrustInResponse From(TrustInPerson t) =>
        new(TrustPersonResponse.From(t.Person), t.Topic, t.Level, t.MyStatements.Select(TrustStatementResponse.Of).ToList());
}

public sealed record TrustHopResponse(TrustPersonResponse From, TrustPersonResponse To, double Value, string? Topic);

public sealed record TrustPathResponse(double Strength, IReadOnlyList<TrustHopResponse> Hops)
{
    public static TrustPathResponse? From(TrustPathView? p) => p is null
        ? null
        : new(p.Strength, p.Hops.Select(h => new TrustHopResponse(TrustPersonResponse.From(h.From), TrustPersonResponse.From(h.To), h.Value, h.Topic)).ToList());
}

/// <summary>The strongest paths of trust from you to someone, strongest first.</summary>
public sealed record TrustExplanationResponse(TrustPersonResponse Person, string? Topic, IReadOnlyList<TrustPathResponse> Paths)
{
    public static TrustExplanationResponse From(TrustExplanation e) =>
        new(TrustPersonResponse.From(e.Person), e.Topic, e.Paths.Select(p => TrustPathResponse.From(p)!).ToList());
}

public sealed record TrustedPersonResponse(TrustPersonResponse Person, double Score, TrustPathResponse? StrongestPath);

/// <summary>Whom you can trust most on <c>topic</c>, from your perspective, best first; the first few with the path that explains them.</summary>
public sealed record WebOfTrustResponse(string? Topic, IReadOnlyList<TrustedPersonResponse> People)
{
    public static WebOfTrustResponse From(WebOfTrust w) => new(w.Topic,
        w.People.Select(p => new TrustedPersonResponse(TrustPersonResponse.From(p.Person), p.Score, TrustPathResponse.From(p.StrongestPath))).ToList());
}

/// <summary>A piece of the trust graph: people by handle, and the statements among them.</summary>
public sealed record TrustNeighbourhoodDto(string Around, string? Topic, IReadOnlyList<TrustNodeDto> People, IReadOnlyList<TrustEdgeDto> Statements)
{
    internal static TrustNeighbourhoodDto From(TrustNeighbourhood neighbourhood)
    {
        var handles = neighbourhood.People.ToDictionary(p => p.Id, p => p.Handle);
        return new(
            neighbourhood.Around.Handle,
            neighbourhood.Topic,
            [.. neighbourhood.People.Select(p => new TrustNodeDto(p.Handle, p.DisplayName))],
            [.. neighbourhood.Edges.Select(e => new TrustEdgeDto(handles[e.FromId], handles[e.ToId], e.Value, e.Level.Name, e.Topic))]);
    }
}

/// <summary>A person in the picture.</summary>
public sealed record TrustNodeDto(string Handle, string DisplayName);

/// <summary>"From trusts To this much": <c>Level</c> is the named step nearest to <c>Value</c>; <c>Topic</c> null is general trust.</summary>
public sealed record TrustEdgeDto(string From, string To, double Value, string Level, string? Topic);
