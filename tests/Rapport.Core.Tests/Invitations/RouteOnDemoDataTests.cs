using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Rapport.Core.Accounts;
using Rapport.Core.Demo;
using Rapport.Core.Invitations;
using Rapport.Core.Markdown;
using Rapport.Core.Notifications;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;
using Rapport.Core.Trust;
using Rapport.Testing;

namespace Rapport.Core.Tests.Invitations;

/// <summary>
/// Routing on the seeded demo network (240 people, their competences and trust): it invites matching people, and how long
/// one "Find helpers" takes with the index built per request (printed; docs/routing.md, "Routing in the app").
/// </summary>
public sealed class RouteOnDemoDataTests
{
    private const int Runs = 7;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Route_OnTheDemoNetwork_InvitesMatchingPeople_AndReportsItsTime(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped(_ => database.CreateContext());
        services.AddAccounts(new ConfigurationBuilder().Build());
        services.AddTrust();
        services.AddNotifications();
        services.AddInvitations();
        services.AddDemo();
        await using var provided = services.BuildServiceProvider();
        await using (var scope = provided.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(DemoNetwork.DefaultSeed, ct);
        }

        Guid asker;
        string[] topics;
        await using (var db = database.CreateContext())
        {
            asker = await db.People.OrderBy(p => p.Handle).Select(p => p.Id).FirstAsync(ct);
            topics = [.. (await db.Competences.GroupBy(c => c.Topic).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(Runs).Select(g => g.Key)];
        }

        var times = new List<double>();
        foreach (var topic in topics)
        {
            Guid problemId;
            await using (var db = database.CreateContext())
            {
                var problem = new Problem
                {
                    Id = Guid.CreateVersion7(now), AuthorId = asker, Kind = ProblemKind.Question, Title = $"Who knows {topic}?",
                    Body = $"I need help with {topic} this week.", Visibility = ProblemVisibility.Public, CreatedAt = now, StatusChangedAt = now,
                };
                problem.Topics.Add(new ProblemTopic { Topic = topic });
                db.Problems.Add(problem);
                await db.SaveChangesAsync(ct);
                problemId = problem.Id;
            }

            await using var scope = provided.CreateAsyncScope();
            var route = scope.ServiceProvider.GetRequiredService<RouteProblem>();
            var watch = Stopwatch.StartNew();
            var routed = await route.ExecuteAsync(asker, problemId, ct);
            watch.Stop();
            times.Add(watch.Elapsed.TotalMilliseconds);

            Assert.Equal(RouteProblem.DefaultInvitations, routed.Value!.Count);
            Assert.All(routed.Value, i => Assert.True(i.Why.Topics.Contains(topic) || i.Why.Terms.Count > 0, "everyone invited matches"));
        }

        times.Sort();
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"RouteProblem on the demo network ({provider}): min {times[0]:F0} ms, median {times[times.Count / 2]:F0} ms, max {times[^1]:F0} ms over {times.Count} runs");
    }
}
