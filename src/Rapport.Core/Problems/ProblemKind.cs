namespace Rapport.Core.Problems;

/// <summary>What a person brings: the four shapes of "work starts from problems".</summary>
public enum ProblemKind
{
    Question = 0,
    Problem = 1,
    Request = 2,
    Project = 3,
}

/// <summary>Who may see a problem and everything hanging off it; the rule is <see cref="ProblemAccess.CanSee"/>.</summary>
public enum ProblemVisibility
{
    /// <summary>Every signed-in person.</summary>
    Public = 0,

    /// <summary>The current members of the problem's community (and anyone invited to it).</summary>
    Community = 1,

    /// <summary>Only the people invited to help (an <see cref="Invitations.Invitation"/> not withdrawn), and the author.</summary>
    Invited = 2,
}

/// <summary>
/// Where a problem is in its lifecycle: open → in dialogue → agreed → delivered → resolved or closed. The allowed
/// moves are <see cref="ProblemLifecycle"/>; <see cref="Problem"/>'s methods make them.
/// </summary>
public enum ProblemStatus
{
    /// <summary>Posted; nobody but the author has contributed yet.</summary>
    Open = 0,

    /// <summary>Someone other than the author has contributed.</summary>
    InDialogue = 1,

    /// <summary>The asker and at least one helper have confirmed an agreement.</summary>
    Agreed = 2,

    /// <summary>Every confirmed agreement has been marked delivered.</summary>
    Delivered = 3,

    /// <summary>Ended with a resolution that credits the contributions it used.</summary>
    Resolved = 4,

    /// <summary>Ended without a resolution (with an outcome text in its <see cref="Resolutions.Resolution"/>).</summary>
    Closed = 5,
}
