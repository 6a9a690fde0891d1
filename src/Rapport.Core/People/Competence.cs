namespace Rapport.Core.People;

/// <summary>What a person knows: a topic, optionally in a context ("piloting" @ "Helsinki harbour").</summary>
public sealed class Competence
{
    public const int ContextMaxLength = 80;

    public long Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>Normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>.</summary>
    public required string Topic { get; set; }

    private string? _context;

    public string? Context
    {
        get => _context;
        set
        {
            _context = value;
            SearchContext = value is null ? null : SearchText.Fold(value);
        }
    }

    /// <summary><see cref="Context"/> folded by <see cref="SearchText.Fold"/> for directory search.</summary>
    public string? SearchContext { get; private set; }

    public override string ToString() => Context is null ? Topic : $"{Topic} @ {Context}";
}
