namespace Rapport.Core.People;

/// <summary>A competence as the person typed it, before normalization.</summary>
public sealed record CompetenceInput(string? Topic, string? Context = null);

/// <summary>A competence as shown: its id (for removal), normalized topic and optional context.</summary>
public sealed record CompetenceView(long Id, string Topic, string? Context)
{
    internal static CompetenceView From(Competence competence) => new(competence.Id, competence.Topic, competence.Context);

    /// <summary>Topic, then context (none first), ordinal: the same order on every database.</summary>
    internal static IReadOnlyList<CompetenceView> Ordered(IEnumerable<CompetenceView> competences) =>
        [.. competences.OrderBy(c => c.Topic, StringComparer.Ordinal).ThenBy(c => c.Context ?? "", StringComparer.Ordinal)];
}
