namespace Rapport.Core.People;

/// <summary>What a person knows: a topic, optionally in a context ("piloting" @ "Helsinki harbour").</summary>
public sealed class Competence
{
    public const int ContextMaxLength = 80;

    public long Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>Normalized by <see cref="Rapport.Trust.Topics.Topic.Normalize"/>.</summary>
    public required string Topic { get; set; }

    public string? Context { get; set; }

    public override string ToString() => Context is null ? Topic : $"{Topic} @ {Context}";
}
