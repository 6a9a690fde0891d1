namespace Rapport.Core.Communities;

/// <summary>A member's role within one community.</summary>
public enum CommunityRole
{
    Member = 0,

    /// <summary>Edits the community, answers applications, issues invitation links.</summary>
    Host = 1,
}
