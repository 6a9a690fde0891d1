using Rapport.Core.People;
using Rapport.Core.Problems;

namespace Rapport.Core.Agreements;

/// <summary>Where an agreement stands.</summary>
public enum AgreementStatus
{
    /// <summary>Proposed by one side, waiting for the other to confirm.</summary>
    Proposed = 0,

    /// <summary>Both sides confirmed: the problem is agreed.</summary>
    Confirmed = 1,

    /// <summary>The helper marked it delivered.</summary>
    Delivered = 2,

    /// <summary>Withdrawn or cancelled before delivery; frees the (problem, helper) pair for a new agreement.</summary>
    Cancelled = 3,
}

/// <summary>
/// The asker and one helper agree on the scope and terms of work on a problem (free text, an optional price and due
/// date); both confirm; the helper marks it delivered; both write a <see cref="Reflection"/>. At most one agreement per
/// (problem, helper) is active (not cancelled): agreeing twice is refused, and the database holds the rule when two
/// requests race. Visible exactly when its problem is (<see cref="ProblemAccess.Through{T}"/>).
/// </summary>
public sealed class Agreement
{
    public const int ScopeMaxLength = 2000;
    public const int TermsMaxLength = 4000;
    public const int CurrencyCodeLength = 3;
    public const int PricePrecision = 18;
    public const int PriceScale = 2;

    public Guid Id { get; set; }

    public Guid ProblemId { get; set; }

    /// <summary>The problem's author.</summary>
    public Guid AskerId { get; set; }

    public Guid HelperId { get; set; }

    /// <summary>Who proposed it (the asker or the helper); the other side confirms.</summary>
    public Guid ProposedById { get; set; }

    /// <summary>What will be done (Markdown).</summary>
    public string Scope { get; set; } = "";

    /// <summary>On what terms (Markdown); empty for none.</summary>
    public string Terms { get; set; } = "";

    /// <summary>The price, if any; <see cref="PriceCurrency"/> is set exactly when this is.</summary>
    public decimal? PriceAmount { get; set; }

    /// <summary>ISO 4217 code, upper case ("EUR").</summary>
    public string? PriceCurrency { get; set; }

    public DateOnly? DueOn { get; set; }

    public AgreementStatus Status { get; set; } = AgreementStatus.Proposed;

    public DateTimeOffset? AskerConfirmedAt { get; set; }

    public DateTimeOffset? HelperConfirmedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public Problem? Problem { get; set; }

    public Person? Asker { get; set; }

    public Person? Helper { get; set; }

    public List<Reflection> Reflections { get; set; } = [];

    /// <summary>Counts against "agreeing twice": anything not cancelled.</summary>
    public bool IsActive => Status != AgreementStatus.Cancelled;
}

/// <summary>After delivery, each side's short reflection on how it went; one per person per agreement.</summary>
public sealed class Reflection
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid AgreementId { get; set; }

    public Guid PersonId { get; set; }

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public Person? Person { get; set; }
}
