namespace Rapport.Core.People;

/// <summary>A member of the network: the public profile of an account.</summary>
public sealed class Person
{
    public const int HandleMinLength = 3;
    public const int HandleMaxLength = 30;
    public const int DisplayNameMaxLength = 80;
    public const int BioMaxLength = 4000;
    public const int MaxCompetences = 30;
    public const int MaxAttentionBudget = 100;
    public const int DefaultAttentionBudget = 5;

    public Guid Id { get; set; }

    /// <summary>The owning sign-in account.</summary>
    public required string AccountId { get; set; }

    /// <summary>Unique, lower case, [a-z0-9_].</summary>
    public required string Handle { get; set; }

    private string _displayName = "";

    public required string DisplayName
    {
        get => _displayName;
        set
        {
            _displayName = value;
            SearchName = SearchText.Fold(value);
        }
    }

    /// <summary>
    /// <see cref="DisplayName"/> folded by <see cref="SearchText.Fold"/>, kept in step by the setter so that
    /// every writer (pages, API, seeding) leaves a person findable. EF loads it from its column.
    /// </summary>
    public string SearchName { get; private set; } = "";

    /// <summary>Markdown, rendered with raw HTML disabled and then sanitized.</summary>
    public string Bio { get; set; } = "";

    public Availability Availability { get; set; } = Availability.Available;

    /// <summary>How many asks per week this person accepts.</summary>
    public int AttentionBudget { get; set; } = DefaultAttentionBudget;

    public DateTimeOffset JoinedAt { get; set; }

    public List<Competence> Competences { get; set; } = [];
}
