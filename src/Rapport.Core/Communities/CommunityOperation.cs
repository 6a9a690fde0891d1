namespace Rapport.Core.Communities;

/// <summary>The things only some members of a community may do. <see cref="CommunityAccess"/> holds the rule for each.</summary>
public enum CommunityOperation
{
    /// <summary>Change name, description, norms, membership mode and questions.</summary>
    Edit,

    /// <summary>See every application to the community and approve or decline them.</summary>
    ReviewApplications,

    /// <summary>Create, list and revoke invitation links.</summary>
    ManageInvitations,

    /// <summary>Promote a member to host or step a host down.</summary>
    ChangeRoles,
}
