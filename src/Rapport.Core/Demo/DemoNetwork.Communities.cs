using Rapport.Core.Communities;
using Rapport.Core.People;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    private const int PendingApplications = 4;

    private IEnumerable<Person> Generated => People.Where(p => p != DemoPerson);

    /// <summary>
    /// People join communities that gather their fields (often) or others (rarely); the earliest members found
    /// and host them. The demo person hosts the by-application community and belongs to two open ones.
    /// </summary>
    private void AddCommunities()
    {
        foreach (var spec in DemoCommunities.All)
        {
            var members = Generated.Where(p => Joins(spec, p)).OrderBy(p => p.JoinedAt).ToList();
            var hosts = members.Take(_random.Next(2, 4)).ToList();
            if (spec.DemoRole == CommunityRole.Host)
            {
                hosts = [DemoPerson, .. hosts.Take(2)];
            }
            else if (spec.DemoRole == CommunityRole.Member)
            {
                members.Insert(0, DemoPerson);
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
            community.Memberships.AddRange(hosts.Select(host => Join(community, host, CommunityRole.Host, created)));
            community.Memberships.AddRange(members.Except(hosts)
                .Select(member => Join(community, member, CommunityRole.Member, Between(Max(member.JoinedAt, created), _now))));
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

    private static Membership Join(Community community, Person person, CommunityRole role, DateTimeOffset at) =>
        new() { CommunityId = community.Id, PersonId = person.Id, Person = person, Role = role, JoinedAt = at };

    /// <summary>A few people waiting for the hosts' decision, each having answered every question.</summary>
    private void AddApplications(Community community)
    {
        var members = community.Memberships.Select(m => m.Person!).ToHashSet();
        var applicants = Generated.Where(p => !members.Contains(p)).OrderBy(_ => _random.Next()).Take(PendingApplications);
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
