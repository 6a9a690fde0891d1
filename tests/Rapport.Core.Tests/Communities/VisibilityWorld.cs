using System.Text;
using CsCheck;
using Rapport.Core.Communities;

namespace Rapport.Core.Tests.Communities;

/// <summary>
/// A small random world for the visibility property: people are numbered 0..People-1, communities carry
/// each person's role (null: not a member), their applications and their invitation links. Any combination
/// the use cases can reach is allowed (a member with a pending application joined by link meanwhile; an
/// approved applicant who left or became a host; a community without hosts after deleted accounts), except
/// two pending applications of one person to one community, which the database forbids.
/// </summary>
/// <param name="PageSize">The limit the viewers page the hosts' list of applications with.</param>
/// <param name="ShoutedSlugs">Whether viewers write the community addresses in upper case.</param>
/// <param name="Acts">Whether everyone then tries to withdraw and decide every application (in one world in eight, for time).</param>
public sealed record VisibilityWorld(int People, IReadOnlyList<CommunitySpec> Communities, int PageSize, bool ShoutedSlugs, bool Acts)
{
    public static readonly Gen<VisibilityWorld> Gen =
        from people in CsCheck.Gen.Int[3, VisibilityDatabase.MaxPeople]
        from communities in CommunitySpec.Gen(people).Array[1, 3]
        from pageSize in CsCheck.Gen.Int[1, 4]
        from shouted in CsCheck.Gen.Bool
        from acts in CsCheck.Gen.Frequency((7, false), (1, true))
        select new VisibilityWorld(people, communities, pageSize, shouted, acts);

    /// <summary>How many (viewer, object) pairs one world checks.</summary>
    public int Pairs => People * Communities.Sum(c => c.Applications.Count + c.Links.Count);

    public override string ToString()
    {
        var text = new StringBuilder($"{People} people, page size {PageSize}{(ShoutedSlugs ? ", slugs upper-cased" : "")}{(Acts ? ", acting" : "")}");
        for (var c = 0; c < Communities.Count; c++)
        {
            var community = Communities[c];
            text.Append($"\n  community {c} ({community.Mode}): roles [{string.Join(", ", community.Roles.Select(r => r?.ToString() ?? "-"))}]");
            foreach (var a in community.Applications)
            {
                text.Append($"\n    application by {a.Applicant}: {a.Status} at minute {a.SubmittedMinute}, then {a.Decision} if asked");
            }

            foreach (var l in community.Links)
            {
                text.Append($"\n    link by {l.Creator}{(l.Revoked ? ", revoked" : "")}, expires in {l.ExpiresInDays} days, uses {l.Uses}/{l.MaxUses?.ToString() ?? "∞"}");
            }
        }

        return text.ToString();
    }
}

public sealed record CommunitySpec(MembershipMode Mode, IReadOnlyList<CommunityRole?> Roles, IReadOnlyList<ApplicationSpec> Applications, IReadOnlyList<LinkSpec> Links)
{
    public static Gen<CommunitySpec> Gen(int people) =>
        from mode in CsCheck.Gen.Enum<MembershipMode>()
        from roles in CsCheck.Gen.Frequency<CommunityRole?>((4, null), (3, CommunityRole.Member), (2, CommunityRole.Host)).Array[people]
        from applications in ApplicationSpec.Gen(people).Array[0, 12]
        from links in LinkSpec.Gen(people).Array[0, 5]
        select new CommunitySpec(mode, roles, Reachable(applications), links);

    /// <summary>
    /// One person's applications to one community follow each other in time (a new one needs the last one
    /// decided or withdrawn), so their submission minutes differ and at most one is pending. Different
    /// applicants may share a minute, which keeps ties in the hosts' list order.
    /// </summary>
    private static ApplicationSpec[] Reachable(ApplicationSpec[] applications)
    {
        var result = new ApplicationSpec[applications.Length];
        for (var i = 0; i < applications.Length; i++)
        {
            var application = applications[i];
            var earlier = result.Take(i).Where(a => a.Applicant == application.Applicant).ToList();
            if (application.Status == ApplicationStatus.Pending && earlier.Any(a => a.Status == ApplicationStatus.Pending))
            {
                application = application with { Status = ApplicationStatus.Declined };
            }

            if (earlier.Any(a => a.SubmittedMinute == application.SubmittedMinute))
            {
                application = application with { SubmittedMinute = earlier.Max(a => a.SubmittedMinute) + 1 };
            }

            result[i] = application;
        }

        return result;
    }
}

/// <param name="Decision">What a host who decides it in the acting phase chooses.</param>
public sealed record ApplicationSpec(int Applicant, ApplicationStatus Status, int SubmittedMinute, ApplicationDecision Decision)
{
    public static Gen<ApplicationSpec> Gen(int people) =>
        from applicant in CsCheck.Gen.Int[0, people - 1]
        from status in CsCheck.Gen.Enum<ApplicationStatus>()
        from minute in CsCheck.Gen.Int[0, 5]
        from decision in CsCheck.Gen.Enum<ApplicationDecision>()
        select new ApplicationSpec(applicant, status, minute, decision);
}

/// <param name="ExpiresInDays">Negative for a link that has expired.</param>
public sealed record LinkSpec(int Creator, bool Revoked, int ExpiresInDays, int? MaxUses, int Uses)
{
    public static Gen<LinkSpec> Gen(int people) =>
        from creator in CsCheck.Gen.Int[0, people - 1]
        from revoked in CsCheck.Gen.Bool
        from expires in CsCheck.Gen.Int[-3, 30]
        from maxUses in CsCheck.Gen.Int[1, 5].Nullable()
        from uses in CsCheck.Gen.Int[0, 5]
        select new LinkSpec(creator, revoked, expires, maxUses, uses);
}
