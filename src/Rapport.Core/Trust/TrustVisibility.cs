using Rapport.Trust.Graph;

namespace Rapport.Core.Trust;

/// <summary>Who may see a trust statement, and so whose trust computations it may enter.</summary>
public enum TrustVisibility
{
    /// <summary>Every signed-in person.</summary>
    Public = 0,

    /// <summary>The current members of the statement's community, while its author is one of them.</summary>
    Community = 1,

    /// <summary>Its author only: it shapes nobody's view but theirs.</summary>
    Private = 2,
}

internal static class TrustVisibilityScopes
{
    /// <summary>
    /// The engine's scope for a statement. A community statement whose author has left that community counts as
    /// private until they rejoin: it stays theirs, unchanged, but no longer reaches the community.
    /// </summary>
    public static EdgeScope Scope(TrustVisibility visibility, bool authorIsMember) => visibility switch
    {
        TrustVisibility.Public => EdgeScope.Public,
        TrustVisibility.Community when authorIsMember => EdgeScope.Community,
        _ => EdgeScope.Private,
    };
}
