using Rapport.Core.Dialogue;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Web.Trust.Pages;

namespace Rapport.Web.Problems.Pages;

/// <summary>The words the problem pages use for the model's values.</summary>
public static class ProblemPageText
{
    public static string Kind(ProblemKind kind) => kind switch
    {
        ProblemKind.Question => "Question",
        ProblemKind.Problem => "Problem",
        ProblemKind.Request => "Request",
        ProblemKind.Project => "Project",
        _ => kind.ToString(),
    };

    public static string Status(ProblemStatus status) => status switch
    {
        ProblemStatus.Open => "Open",
        ProblemStatus.InDialogue => "In dialogue",
        ProblemStatus.Agreed => "Agreed",
        ProblemStatus.Delivered => "Delivered",
        ProblemStatus.Resolved => "Resolved",
        ProblemStatus.Closed => "Closed",
        _ => status.ToString(),
    };

    /// <summary>The choice on the compose form.</summary>
    public static string VisibilityChoice(ProblemVisibility visibility) => visibility switch
    {
        ProblemVisibility.Public => "Everyone signed in",
        ProblemVisibility.Community => "Members of a community",
        ProblemVisibility.Invited => "Only the people invited to help",
        _ => visibility.ToString(),
    };

    public static string Visibility(ProblemVisibility visibility, TrustCommunity? community) => visibility switch
    {
        ProblemVisibility.Public => "Everyone signed in sees this.",
        ProblemVisibility.Community => $"Members of {community?.Name ?? "its community"} see this.",
        ProblemVisibility.Invited => "Only the people invited to help, and the asker, see this.",
        _ => "",
    };

    public static string Contribution(ContributionKind kind) => kind switch
    {
        ContributionKind.Reply => "Reply",
        ContributionKind.Proposal => "Proposal",
        ContributionKind.Artefact => "Artefact",
        ContributionKind.Perspective => "Perspective",
        _ => kind.ToString(),
    };

    public static string Count(int n, string one, string many) => n == 1 ? $"1 {one}" : $"{n.ToString(System.Globalization.CultureInfo.InvariantCulture)} {many}";

    public static string Date(DateTimeOffset when) => TrustPageText.Date(when);

    public static string Link(string path, params (string Name, string? Value)[] query) => TrustPageText.Link(path, query);
}
