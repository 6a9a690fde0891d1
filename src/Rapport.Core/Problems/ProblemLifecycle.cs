namespace Rapport.Core.Problems;

/// <summary>The moves a problem can make; each is one method on <see cref="Problem"/>.</summary>
public enum ProblemTransition
{
    /// <summary>The first contribution by someone other than the author: open → in dialogue.</summary>
    StartDialogue = 0,

    /// <summary>An agreement is confirmed by both sides: open, in dialogue, agreed or delivered → agreed.</summary>
    RecordAgreement = 1,

    /// <summary>The last active agreement is delivered: agreed → delivered.</summary>
    RecordDelivery = 2,

    /// <summary>The last active agreement is cancelled before delivery: agreed → in dialogue.</summary>
    ReturnToDialogue = 3,

    /// <summary>The asker (or a host of its community) resolves it citing contributions: in dialogue, agreed or delivered → resolved.</summary>
    Resolve = 4,

    /// <summary>Ended without a resolution, with an outcome text: any state not ended → closed.</summary>
    Close = 5,

    /// <summary>A resolved or closed problem is opened again: → in dialogue if anyone else ever contributed, else → open.</summary>
    Reopen = 6,
}

/// <summary>Why a move was refused; <see cref="ProblemLifecycle.Describe"/> gives the sentence shown to people.</summary>
public enum ProblemRefusal
{
    /// <summary>The problem is resolved or closed; reopen it first.</summary>
    Ended = 0,

    /// <summary>The dialogue has already started.</summary>
    DialogueAlreadyStarted = 1,

    /// <summary>Nobody else has contributed yet, so there is nothing to resolve with; close it instead.</summary>
    NoDialogueYet = 2,

    /// <summary>There is no confirmed agreement to deliver or cancel.</summary>
    NotAgreed = 3,

    /// <summary>Only a resolved or closed problem can be reopened.</summary>
    NotEnded = 4,
}

/// <summary>
/// The lifecycle as data: the one table of allowed moves, read by <see cref="Problem"/>'s methods, the pages (which
/// buttons to show) and the tests. Anything not in the table is refused with a named <see cref="ProblemRefusal"/> and
/// changes nothing.
/// </summary>
public static class ProblemLifecycle
{
    private static readonly ProblemStatus[] NotEnded =
        [ProblemStatus.Open, ProblemStatus.InDialogue, ProblemStatus.Agreed, ProblemStatus.Delivered];

    /// <summary>Whether <paramref name="transition"/> may start from <paramref name="from"/>.</summary>
    public static bool Allows(ProblemStatus from, ProblemTransition transition) => Refusal(from, transition) is null;

    /// <summary>Null when allowed; otherwise the reason.</summary>
    public static ProblemRefusal? Refusal(ProblemStatus from, ProblemTransition transition)
    {
        if (transition == ProblemTransition.Reopen)
        {
            return IsEnded(from) ? null : ProblemRefusal.NotEnded;
        }

        if (IsEnded(from))
        {
            return ProblemRefusal.Ended;
        }

        return transition switch
        {
            ProblemTransition.StartDialogue => from == ProblemStatus.Open ? null : ProblemRefusal.DialogueAlreadyStarted,
            ProblemTransition.RecordAgreement => null,
            ProblemTransition.RecordDelivery or ProblemTransition.ReturnToDialogue =>
                from == ProblemStatus.Agreed ? null : ProblemRefusal.NotAgreed,
            ProblemTransition.Resolve => from == ProblemStatus.Open ? ProblemRefusal.NoDialogueYet : null,
            ProblemTransition.Close => null,
            _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
        };
    }

    /// <summary>Resolved or closed: no more contributions, agreements or invitations until reopened.</summary>
    public static bool IsEnded(ProblemStatus status) => status is ProblemStatus.Resolved or ProblemStatus.Closed;

    /// <summary>The states a problem can be in while it is still being worked on.</summary>
    public static IReadOnlyList<ProblemStatus> ActiveStates => NotEnded;

    public static string Describe(ProblemRefusal refusal) => refusal switch
    {
        ProblemRefusal.Ended => "This problem has ended. Reopen it first.",
        ProblemRefusal.DialogueAlreadyStarted => "The dialogue on this problem has already started.",
        ProblemRefusal.NoDialogueYet => "Nobody else has contributed yet, so there is nothing to resolve it with. Close it instead.",
        ProblemRefusal.NotAgreed => "This problem has no confirmed agreement waiting for delivery.",
        ProblemRefusal.NotEnded => "Only a resolved or closed problem can be reopened.",
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, null),
    };
}
