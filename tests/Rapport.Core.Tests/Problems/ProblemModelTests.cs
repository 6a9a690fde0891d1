using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;
using Rapport.Testing;

namespace Rapport.Core.Tests.Problems;

/// <summary>The problem model on both providers: the one visibility rule and the rules the database itself holds.</summary>
public sealed class ProblemModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CanSee_FollowsVisibilityMembershipAndInvitations_ForProblemsAndWhatHangsOffThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        Guid author, member, invitee, withdrawn, stranger, publicId, communityId, invitedId;
        await using (var db = database.CreateContext())
        {
            var people = Enumerable.Range(0, 5).Select(_ => NewPerson(db)).ToArray();
            (author, member, invitee, withdrawn, stranger) = (people[0].Id, people[1].Id, people[2].Id, people[3].Id, people[4].Id);
            var community = new Community { Slug = $"c-{Guid.NewGuid():N}"[..20], Name = "Harbour", CreatedAt = Now };
            community.Memberships.Add(new Membership { PersonId = author, Role = CommunityRole.Host, JoinedAt = Now });
            community.Memberships.Add(new Membership { PersonId = member, Role = CommunityRole.Member, JoinedAt = Now });
            db.Communities.Add(community);
            var open = NewProblem(db, author, ProblemVisibility.Public, null);
            var inCommunity = NewProblem(db, author, ProblemVisibility.Community, community.Id);
            var invited = NewProblem(db, author, ProblemVisibility.Invited, null);
            invited.Invitations.Add(new Invitation { InviteeId = invitee, InvitedById = author, Reason = "why you", CreatedAt = Now });
            invited.Invitations.Add(new Invitation
            {
                InviteeId = withdrawn, InvitedById = author, Reason = "why you", Status = InvitationStatus.Withdrawn, CreatedAt = Now,
            });
            foreach (var problem in new[] { open, inCommunity, invited })
            {
                db.Contributions.Add(new Contribution { ProblemId = problem.Id, AuthorId = author, Body = "context", CreatedAt = Now });
            }

            await db.SaveChangesAsync(ct);
            (publicId, communityId, invitedId) = (open.Id, inCommunity.Id, invited.Id);
        }

        var expected = new Dictionary<Guid, Guid[]>
        {
            [author] = [publicId, communityId, invitedId],
            [member] = [publicId, communityId],
            [invitee] = [publicId, invitedId],
            [withdrawn] = [publicId],
            [stranger] = [publicId],
        };
        await using var read = database.CreateContext();
        foreach (var (viewer, visible) in expected)
        {
            var problems = await read.Problems.Where(ProblemAccess.CanSee(viewer)).Select(p => p.Id).ToListAsync(ct);
            var contributions = await read.Contributions.Where(ProblemAccess.Through<Contribution>(c => c.Problem!, viewer))
                .Select(c => c.ProblemId).ToListAsync(ct);
            Assert.Equal(visible.Order(), problems.Order());
            Assert.Equal(visible.Order(), contributions.Order());
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task TheDatabase_RefusesAgreeingTwiceAndCreditsForNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        Guid problemId, asker, helper;
        await using (var db = database.CreateContext())
        {
            asker = NewPerson(db).Id;
            helper = NewPerson(db).Id;
            var problem = NewProblem(db, asker, ProblemVisibility.Public, null);
            problemId = problem.Id;
            db.Agreements.Add(NewAgreement(problemId, asker, helper, AgreementStatus.Cancelled));
            db.Agreements.Add(NewAgreement(problemId, asker, helper, AgreementStatus.Confirmed));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            db.Agreements.Add(NewAgreement(problemId, asker, helper, AgreementStatus.Proposed));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        await using (var db = database.CreateContext())
        {
            var resolution = new Resolution { ProblemId = problemId, ResolvedById = asker, Summary = "done", CreatedAt = Now };
            resolution.Credits.Add(new Credit { CreditedPersonId = helper, CreatedAt = Now });
            db.Resolutions.Add(resolution);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        await using var read = database.CreateContext();
        Assert.Equal(2, await read.Agreements.CountAsync(a => a.ProblemId == problemId, ct));
        Assert.False(await read.Resolutions.AnyAsync(r => r.ProblemId == problemId, ct));
    }

    private static Person NewPerson(RapportDbContext db)
    {
        var handle = TestPeople.UniqueHandle("pm");
        var account = new Account { UserName = $"{handle}@example.test", Email = $"{handle}@example.test", CreatedAt = Now };
        var person = new Person { AccountId = account.Id, Handle = handle, DisplayName = handle, JoinedAt = Now };
        db.Users.Add(account);
        db.People.Add(person);
        return person;
    }

    private static Problem NewProblem(RapportDbContext db, Guid author, ProblemVisibility visibility, Guid? communityId)
    {
        var problem = new Problem
        {
            Id = Guid.NewGuid(), AuthorId = author, Kind = ProblemKind.Question, Title = $"A {visibility} problem", Body = "body",
            Visibility = visibility, CommunityId = communityId, CreatedAt = Now, StatusChangedAt = Now,
        };
        problem.Topics.Add(new ProblemTopic { Topic = "sailing" });
        db.Problems.Add(problem);
        return problem;
    }

    private static Agreement NewAgreement(Guid problemId, Guid asker, Guid helper, AgreementStatus status) => new()
    {
        ProblemId = problemId, AskerId = asker, HelperId = helper, ProposedById = asker, Scope = "fix it", Status = status,
        PriceAmount = 120.50m, PriceCurrency = "EUR", CreatedAt = Now,
    };
}
