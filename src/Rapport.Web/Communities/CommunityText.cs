using Rapport.Core.Communities;

namespace Rapport.Web.Communities;

/// <summary>The words pages use for community states.</summary>
public static class CommunityText
{
    public static string Mode(MembershipMode mode) => mode switch
    {
        MembershipMode.Open => "Open: anyone can join",
        MembershipMode.ByApplication => "By application: hosts review answers to their questions",
        MembershipMode.ByInvitation => "By invitation: join with a link from a host",
        _ => mode.ToString(),
    };

    public static string ShortMode(MembershipMode mode) => mode switch
    {
        MembershipMode.Open => "Open",
        MembershipMode.ByApplication => "By application",
        MembershipMode.ByInvitation => "By invitation",
        _ => mode.ToString(),
    };

    public static string Status(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "Pending: the hosts have not decided yet",
        ApplicationStatus.Approved => "Approved",
        ApplicationStatus.Declined => "Declined",
        ApplicationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string Members(int count) => count == 1 ? "1 member" : $"{count} members";

    public static string Date(DateTimeOffset when) => when.UtcDateTime.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
