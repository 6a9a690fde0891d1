using Rapport.Core.Outcomes;
using Rapport.Trust.Topics;

namespace Rapport.Core.People;

/// <summary>A competence after normalization: topic by <see cref="Topic.Normalize"/>, context trimmed or null.</summary>
internal readonly record struct NormalizedCompetence(string Topic, string? Context)
{
    /// <summary>Two competences are one when topics match and contexts match ignoring case.</summary>
    public bool Matches(Competence competence) =>
        competence.Topic == Topic && string.Equals(competence.Context, Context, StringComparison.OrdinalIgnoreCase);

    public bool Matches(NormalizedCompetence other) =>
        other.Topic == Topic && string.Equals(other.Context, Context, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The rules shared by every way of changing competences: normalize, validate, merge duplicates, cap the list.</summary>
internal static class CompetenceRules
{
    /// <summary>Beyond this many entries a list is refused outright, before any per-entry work.</summary>
    private const int MaxEntries = Person.MaxCompetences * 3;

    /// <summary>Normalizes one entry; errors go under <paramref name="prefix"/> (e.g. <c>competences[2].</c>).</summary>
    public static NormalizedCompetence? Normalize(CompetenceInput? input, string prefix, FieldErrors errors)
    {
        var valid = true;
        var topic = Topic.Normalize(input?.Topic);
        if (topic is null)
        {
            errors.Add($"{prefix}topic", string.IsNullOrWhiteSpace(input?.Topic)
                ? "Topic is required."
                : $"Topic must be at most {Topic.MaxLength} characters, without control characters.");
            valid = false;
        }

        var context = string.IsNullOrWhiteSpace(input?.Context) ? null : input.Context.Trim();
        if (context is not null && (context.Length > Competence.ContextMaxLength || ProfileRules.HasControlCharacters(context)))
        {
            errors.Add($"{prefix}context", $"Context must be at most {Competence.ContextMaxLength} characters on one line.");
            valid = false;
        }

        return valid ? new NormalizedCompetence(topic!, context) : null;
    }

    /// <summary>Normalizes a whole list (field <c>competences</c>), merging duplicates; the first spelling wins.</summary>
    public static List<NormalizedCompetence> NormalizeList(IReadOnlyList<CompetenceInput?>? inputs, FieldErrors errors)
    {
        var result = new List<NormalizedCompetence>();
        if (inputs is null)
        {
            errors.Add("competences", "Competences are required (an empty list removes them all).");
            return result;
        }

        if (inputs.Count > MaxEntries)
        {
            errors.Add("competences", $"List at most {Person.MaxCompetences} competences.");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (Normalize(inputs[i], $"competences[{i}].", errors) is { } competence && !result.Exists(competence.Matches))
            {
                result.Add(competence);
            }
        }

        if (result.Count > Person.MaxCompetences)
        {
            errors.Add("competences", $"List at most {Person.MaxCompetences} competences.");
        }

        return result;
    }

    /// <summary>
    /// Makes <paramref name="person"/>'s competences exactly <paramref name="wanted"/>, keeping the rows (and ids)
    /// of those that stay. The person's competences must be loaded.
    /// </summary>
    public static void Replace(Person person, IReadOnlyList<NormalizedCompetence> wanted)
    {
        var kept = new HashSet<Competence>(ReferenceEqualityComparer.Instance);
        foreach (var competence in wanted)
        {
            var existing = person.Competences.Find(c => !kept.Contains(c) && c.Topic == competence.Topic && c.Context == competence.Context)
                ?? person.Competences.Find(c => !kept.Contains(c) && competence.Matches(c));
            if (existing is null)
            {
                existing = new Competence { Topic = competence.Topic, Context = competence.Context };
                person.Competences.Add(existing);
            }

            existing.Context = competence.Context;
            kept.Add(existing);
        }

        person.Competences.RemoveAll(c => !kept.Contains(c));
    }
}
