using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Interactions;
using Rapport.Core.People;
using Rapport.Core.Problems;
using Rapport.Core.Trust;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    public List<Problem> Problems { get; } = [];

    public List<Contribution> Contributions { get; } = [];

    public List<Thanks> Thanks { get; } = [];

    public List<Interaction> Interactions { get; } = [];

    /// <summary>
    /// Four problems: the demo person's public question in dialogue (a reply they answered with a quote and thanked, and
    /// two named perspectives), a request in one of the demo person's communities with a proposal, an open public
    /// project nobody has answered yet, and a problem someone closed.
    /// </summary>
    private void AddProblems()
    {
        var trusted = TrustStatements.Where(s => s.FromId == DemoPerson.Id && s.Value > 0 && s.Visibility == TrustVisibility.Public)
            .Select(s => People.First(p => p.Id == s.ToId)).ToList();
        var expert = trusted.Count > 0 ? trusted[0] : Generated.First();
        var topic = expert.Competences[0].Topic;
        var others = Generated.Where(p => p != expert).OrderBy(_ => _random.Next()).Take(6).ToList();

        var question = NewProblem(DemoPerson, ProblemKind.Question, $"How do I get started with {topic}?",
            $"I have a free evening a week and want to learn **{topic}** properly. Where would you start, and what should I avoid?",
            [topic], "", null);
        var answer = Contribute(question, expert, ContributionKind.Reply,
            $"Start small: one evening a week is plenty. Find someone local who does {topic} and ask to watch them work once.");
        Contribute(question, DemoPerson, ContributionKind.Reply, "Thank you, that makes sense. Who would you ask first?", answer, "Find someone local");
        Contribute(question, others[0], ContributionKind.Perspective, "Books first, so you know the words people use.", perspective: "The reader's view");
        Contribute(question, others[1], ContributionKind.Perspective, "Do it badly right away; you learn faster from mistakes.", perspective: "The maker's view");
        Thank(answer, DemoPerson);

        var shared = CommunitiesOf()[DemoPerson.Id].First(c => c.Memberships.Any(m => m.PersonId != DemoPerson.Id));
        var asker = shared.Memberships.Select(m => m.Person!).First(p => p != DemoPerson);
        var helper = shared.Memberships.Select(m => m.Person!).FirstOrDefault(p => p != DemoPerson && p != asker) ?? DemoPerson;
        var request = NewProblem(asker, ProblemKind.Request, $"Help with the next {shared.Name} meet-up",
            "We need two people to set up the room and someone to write the invitation.", [], "", shared);
        Contribute(request, helper, ContributionKind.Proposal, "I can set up the room if someone brings the key.");

        var builder = others[2];
        NewProblem(builder, ProblemKind.Project, $"A shared guide to {builder.Competences[0].Topic}",
            "I would like to write a short guide with two or three others. Who is in?", [builder.Competences[0].Topic], "", null);

        var closed = NewProblem(others[3], ProblemKind.Problem, "Lost the charger for an old laptop",
            "A 2012 laptop, round plug. Anyone have a spare?", [], "", null);
        closed.Close(Max(closed.CreatedAt, _now - TimeSpan.FromDays(1)));
    }

    private Problem NewProblem(Person author, ProblemKind kind, string title, string body, string[] topics, string place, Community? community)
    {
        var created = Between(Max(author.JoinedAt, _now - TimeSpan.FromDays(30)), _now - TimeSpan.FromDays(3));
        var problem = new Problem
        {
            Id = Guid.CreateVersion7(created),
            AuthorId = author.Id,
            Kind = kind,
            Title = title,
            Body = body,
            Place = place,
            CommunityId = community?.Id,
            Visibility = community is null ? ProblemVisibility.Public : ProblemVisibility.Community,
            CreatedAt = created,
            StatusChangedAt = created,
            Topics = [.. topics.Select(t => new ProblemTopic { Topic = t })],
        };
        Problems.Add(problem);
        return problem;
    }

    private Contribution Contribute(
        Problem problem, Person author, ContributionKind kind, string body, Contribution? replyTo = null, string quote = "", string? perspective = null)
    {
        var last = Contributions.Where(c => c.ProblemId == problem.Id).Select(c => c.CreatedAt).DefaultIfEmpty(problem.CreatedAt).Max();
        var created = Between(last, Max(last, _now - TimeSpan.FromHours(1)));
        var contribution = new Contribution
        {
            Id = Guid.CreateVersion7(created),
            ProblemId = problem.Id,
            AuthorId = author.Id,
            Kind = kind,
            Body = body,
            PerspectiveName = perspective,
            ReplyToId = replyTo?.Id,
            QuotedText = quote,
            CreatedAt = created,
        };
        Contributions.Add(contribution);
        if (author.Id != problem.AuthorId)
        {
            problem.StartDialogue(created);
            if (!Contributions.Any(c => c != contribution && c.ProblemId == problem.Id && c.AuthorId == author.Id))
            {
                Interactions.Add(new Interaction
                {
                    Id = Guid.CreateVersion7(created), FromId = author.Id, ToId = problem.AuthorId, Kind = InteractionKind.Answered,
                    ProblemId = problem.Id, ContributionId = contribution.Id, CreatedAt = created,
                });
            }
        }

        return contribution;
    }

    private void Thank(Contribution contribution, Person person)
    {
        var at = Between(contribution.CreatedAt, Max(contribution.CreatedAt, _now - TimeSpan.FromMinutes(30)));
        Thanks.Add(new Thanks { ContributionId = contribution.Id, PersonId = person.Id, CreatedAt = at });
        Interactions.Add(new Interaction
        {
            Id = Guid.CreateVersion7(at), FromId = person.Id, ToId = contribution.AuthorId, Kind = InteractionKind.Thanked,
            ProblemId = contribution.ProblemId, ContributionId = contribution.Id, CreatedAt = at,
        });
    }
}
