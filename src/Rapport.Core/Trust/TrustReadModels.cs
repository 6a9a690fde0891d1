using Rapport.Core.Communities;

namespace Rapport.Core.Trust;

/// <summary>A community as a statement names it.</summary>
public sealed record TrustCommunity(string Slug, string Name);

/// <summary>
/// A trust statement as a viewer who may see it sees it. <c>Topic</c> is null for general trust. <c>Note</c> is the
/// author's text (Markdown); <c>NoteHtml</c> is it rendered and sanitized, safe to embed. <c>CommunityLapsed</c>: a
/// community statement whose author has left that community, so it counts as private until they rejoin (only its author
/// can ever see one). <c>IsMine</c>: the viewer wrote it.
/// </summary>
public sealed record TrustStatementView(
    Guid Id,
    PersonSummary From,
    PersonSummary To,
    double Value,
    string? Topic,
    TrustVisibility Visibility,
    TrustCommunity? Community,
    bool CommunityLapsed,
    string Note,
    string NoteHtml,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    DateTimeOffset? RevokedAt,
    bool IsMine)
{
    /// <summary>The named step nearest to <see cref="Value"/>, for pages.</summary>
    public TrustLevel Level => TrustLevel.Nearest(Value);

    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>The answer to stating trust: the statement, and whether it is new (no statement for that person and topic before).</summary>
public sealed record StatedTrust(TrustStatementView Statement, bool Created);

/// <summary>
/// One step of a statement's history, oldest first. <c>Version</c> counts this statement's own steps (1, 2, 3, …), not
/// the instance-wide change log, whose gaps would reveal how many changes other people made in between.
/// </summary>
public sealed record TrustStatementVersionView(
    int Version,
    TrustStatementEvent Event,
    double Value,
    TrustVisibility Visibility,
    TrustCommunity? Community,
    string Note,
    string NoteHtml,
    DateTimeOffset At);

/// <summary>A statement with its whole history, for its author.</summary>
public sealed record TrustStatementHistory(TrustStatementView Statement, IReadOnlyList<TrustStatementVersionView> Versions);

/// <summary>
/// What the viewer knows about trusting one person: the viewer's own current statements about them (every topic) and
/// the trust level the graph gives on <c>Topic</c> (null: general) from the viewer's perspective, in [-1, 1]; null when
/// nothing connects them (or the person is the viewer).
/// </summary>
public sealed record TrustInPerson(PersonSummary Person, string? Topic, IReadOnlyList<TrustStatementView> MyStatements, double? Level);

/// <summary>One hop of a trust path: who trusts whom, how much, on which topic (null: general, also where a path fell back to it).</summary>
public sealed record TrustHopView(PersonSummary From, PersonSummary To, double Value, string? Topic);

/// <summary>A path of trust from the viewer to someone; strength is the product of its hops (fallback hops discounted).</summary>
public sealed record TrustPathView(double Strength, IReadOnlyList<TrustHopView> Hops);

/// <summary>Why the viewer may trust a person: the strongest paths, strongest first; empty when nothing connects them.</summary>
public sealed record TrustExplanation(PersonSummary Person, string? Topic, IReadOnlyList<TrustPathView> Paths);

/// <summary>A person the viewer can trust, with the score from the viewer's perspective and (for the first few) the strongest path.</summary>
public sealed record TrustedPerson(PersonSummary Person, double Score, TrustPathView? StrongestPath);

/// <summary>The people the viewer can trust most on <c>Topic</c> (null: general), best first. Never a global ranking.</summary>
public sealed record WebOfTrust(string? Topic, IReadOnlyList<TrustedPerson> People);
