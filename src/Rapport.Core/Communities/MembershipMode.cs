namespace Rapport.Core.Communities;

/// <summary>How people join a community.</summary>
public enum MembershipMode
{
    /// <summary>Anyone signed in joins with one click.</summary>
    Open = 0,

    /// <summary>Applicants answer the hosts' questions; a host approves or declines.</summary>
    ByApplication = 1,

    /// <summary>Only people holding an invitation link join.</summary>
    ByInvitation = 2,
}
