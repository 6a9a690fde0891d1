using Rapport.Core.Communities;
using Rapport.Core.People;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    private const int PendingApplications = 4;

    /// <summary>
    /// People join communities that gather their fields (often) or others (rarely); the earliest members found
    /// and host them. The demo person hosts the Care Circle and belongs to two open communities.
    /// </summary>
    private void AddCommunities()
    {
        foreach (var spec in DemoCommunities.All)
        {
            var members = People.Skip(1).Where(p => Joins(spec, p)).OrderBy(p => p.JoinedAt).ToList();
            var hosts = members.Take(_random.Next(2, 4)).ToList();
            var demoRole = spec.Slug switch
            {
                DemoCommunities.CareCircle => CommunityRole.Host,
                "good-food-collective" or "open-source-neighbours" => CommunityRole.Member,
                _ => (CommunityRole?)null,
            };
            if (demoRole == CommunityRole.Host)
            {
                hosts = [DemoPerson, .. hosts.Take(2)];
            }

            var created = Min(hosts.Max(h => h.JoinedAt) + TimeSpan.FromDays(_random.Next(1, 21)), _now);
            var community = new Community
            {
                Id = Guid.CreateVersion7(created),
                Slug = spec.Slug,
                Name = spec.Name,
                Description = spec.Description,
                Norms = spec.Norms,
                MembershipMode = spec.Mode,
                CreatedAt = created,
                Questions = [.. spec.Questions.Select((text, i) => new ApplicationQuestion { Position = i, Text = text })],
            };
            foreach (var host in hosts)
            {
                community.Memberships.Add(new Membership { CommunityId = community.Id, PersonId = host.Id, Person = host, Role = CommunityRole.Host, JoinedAt = created });
            }

            if (demoRole == CommunityRole.Member)
            {
                members.Insert(0, DemoPerson);
            }

            foreach (var member in members.Except(hosts))
            {
                community.Memberships.Add(new Membership { CommunityId = community.Id, PersonId = member.Id, Person = member, Role = CommunityRole.Member, JoinedAt = Between(Max(member.JoinedAt, created), _now) });
            }

            Communities.Add(community);
            if (spec.Mode == MembershipMode.ByApplication)
            {
                AddApplications(community);
            }
        }
    }

    private bool Joins(DemoCommunity spec, Person person)
    {
        var (primary, secondary) = _fields[person];
        var chance = spec.Fields.Contains(primary) ? 0.6 : secondary is { } s && spec.Fields.Contains(s) ? 0.35 : 0.06;
        return _random.NextDouble() < (spec.Mode == MembershipMode.ByInvitation ? chance * 0.6 : chance);
    }

    /// <summary>A few people waiting for the hosts' decision, each having answered every question.</summary>
    private void AddApplications(Community community)
    {
        var memberIds = community.Memberships.Select(m => m.Person!).ToHashSet();
        var applicants = People.Skip(1).Where(p => !memberIds.Contains(p)).OrderBy(_ => _random.Next()).Take(PendingApplications);
        foreach (var applicant in applicants)
        {
            var answers = DemoApplications.Answers(_random, applicant);
            var submitted = Between(Max(applicant.JoinedAt, _now - TimeSpan.FromDays(12)), _now);
            Applications.Add(new MembershipApplication
            {
                Id = Guid.CreateVersion7(submitted),
                CommunityId = community.Id,
                Community = community,
                ApplicantId = applicant.Id,
                Applicant = applicant,
                Status = ApplicationStatus.Pending,
                SubmittedAt = submitted,
                Answers = [.. community.Questions.Select((q, i) => new ApplicationAnswer { Question = q.Text, Text = answers[i] })],
            });
        }
    }

    private DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) =>
        from + TimeSpan.FromSeconds(_random.NextDouble() * (to - from).TotalSeconds);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
