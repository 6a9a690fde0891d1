namespace Rapport.Core.Outcomes;

/// <summary>
/// What a use case answers: the value, or why there is none. Pages show <see cref="Errors"/> beside
/// the fields; the API turns them into RFC 9457 problem details. A failed use case has changed nothing.
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, OutcomeKind kind, FieldErrors errors, string? detail)
    {
        Value = value;
        Kind = kind;
        Errors = errors;
        Detail = detail;
    }

    public T? Value { get; }

    public OutcomeKind Kind { get; }

    /// <summary>Field name (as in the API's JSON) to messages; empty unless <see cref="OutcomeKind.Invalid"/>.</summary>
    public FieldErrors Errors { get; }

    /// <summary>A sentence for the person, for <see cref="OutcomeKind.Conflict"/>.</summary>
    public string? Detail { get; }

    public bool Succeeded => Kind == OutcomeKind.Ok;

    public static Outcome<T> Ok(T value) => new(value, OutcomeKind.Ok, FieldErrors.None, null);

    public static Outcome<T> Invalid(FieldErrors errors) => new(default, OutcomeKind.Invalid, errors, null);

    public static Outcome<T> Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    /// <summary>Missing, or not visible to the caller: the two are never told apart.</summary>
    public static Outcome<T> NotFound() => new(default, OutcomeKind.NotFound, FieldErrors.None, null);

    public static Outcome<T> Conflict(string detail) => new(default, OutcomeKind.Conflict, FieldErrors.None, detail);

    public static implicit operator Outcome<T>(T value) => Ok(value);
}

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    Conflict,
}
