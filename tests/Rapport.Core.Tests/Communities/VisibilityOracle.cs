using Rapport.Core.Communities;

namespace Rapport.Core.Tests.Communities;

/// <summary>
/// The privacy rules for applications and invitation links, restated plainly from the product text over a
/// <see cref="VisibilityWorld"/>'s numbers, without any code under test (no expressions, no queries).
/// </summary>
internal static class VisibilityOracle
{
    public static bool IsHost(VisibilityWorld world, int person, int community) =>
        world.Communities[community].Roles[person] == CommunityRole.Host;

    /// <summary>An application is private: its applicant and the hosts of its community see it, nobody else.</summary>
    public static bool CanSeeApplication(VisibilityWorld world, int person, int community, int application) =>
        world.Communities[community].Applications[application].Applicant == person || IsHost(world, person, community);

    /// <summary>
    /// Where an application appears in a list: in the hosts' list of the community unless withdrawn, and as the
    /// applicant's own on the community page when it is their latest one that is not withdrawn.
    /// </summary>
    public static bool ListsApplication(VisibilityWorld world, int person, int community, int application) =>
        (IsHost(world, person, community) && world.Communities[community].Applications[application].Status != ApplicationStatus.Withdrawn)
        || LatestOwnApplication(world, person, community) == application;

    /// <summary>A pending one first, else the last submitted (one person's applications never share a minute).</summary>
    public static int? LatestOwnApplication(VisibilityWorld world, int person, int community) =>
        world.Communities[community].Applications
            .Select((application, index) => (application, index))
            .Where(x => x.application.Applicant == person && x.application.Status != ApplicationStatus.Withdrawn)
            .OrderByDescending(x => x.application.Status == ApplicationStatus.Pending)
            .ThenByDescending(x => x.application.SubmittedMinute)
            .Select(x => (int?)x.index)
            .FirstOrDefault();

    /// <summary>Only a community's hosts list and revoke its invitation links.</summary>
    public static bool CanManageLinks(VisibilityWorld world, int person, int community) => IsHost(world, person, community);
}
