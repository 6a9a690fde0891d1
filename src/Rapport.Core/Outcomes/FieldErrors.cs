namespace Rapport.Core.Outcomes;

/// <summary>Validation messages keyed by field name, in the shape problem details use.</summary>
public sealed class FieldErrors
{
    public static readonly FieldErrors None = new();

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public FieldErrors Add(string field, string message)
    {
        if (ReferenceEquals(this, None))
        {
            throw new InvalidOperationException("FieldErrors.None is shared; create a new FieldErrors.");
        }

        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Adds an error when <paramref name="text"/> is longer than <paramref name="max"/> characters.</summary>
    public FieldErrors MaxLength(string field, string? text, int max, string label) =>
        text is not null && text.Length > max ? Add(field, $"{label} can be at most {max} characters.") : this;

    /// <summary>Adds an error when <paramref name="text"/> is empty or whitespace.</summary>
    public FieldErrors Required(string field, string? text, string label) =>
        string.IsNullOrWhiteSpace(text) ? Add(field, $"{label} is required.") : this;

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var messages) ? messages : [];

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}
