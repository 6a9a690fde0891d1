namespace Rapport.Core.Agreements;

/// <summary>The sentences an agreement step answers when it refuses (Conflict), in one place so pages and API agree.</summary>
internal static class AgreementRefusals
{
    public const string NotParty = "Only the asker and the helper of this agreement can do that.";
    public const string HelperMustTakePart = "The helper must be someone who took part in this problem: a contributor, or an invitee who has not declined.";
    public const string ProposerMustTakePart = "Only the asker, or someone who took part in this problem (a contributor, or an invitee who has not declined), can propose an agreement.";
    public const string AcrossBlock = "An agreement between the two of you is not possible.";
    public const string AlreadyAgreed = "There is already an agreement between you on this problem. Cancel it first to agree anew.";
    public const string OwnProposal = "You proposed this agreement; the other side confirms it.";
    public const string NotProposed = "This agreement is not waiting for confirmation.";
    public const string OnlyHelperDelivers = "Only the helper marks an agreement delivered.";
    public const string NotConfirmed = "Both sides must confirm this agreement before it can be delivered.";
    public const string AlreadyDelivered = "This agreement has already been delivered.";
    public const string NotCancellable = "Only an agreement that is not yet delivered or cancelled can be cancelled.";
    public const string NotDelivered = "You can write a reflection once the agreement is delivered.";
    public const string AlreadyReflected = "You have already written your reflection on this agreement.";
}
