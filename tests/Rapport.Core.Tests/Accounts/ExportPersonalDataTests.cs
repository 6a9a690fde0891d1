using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.AccessTokens;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Testing;

namespace Rapport.Core.Tests.Accounts;

public sealed class ExportPersonalDataTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Execute_HoldsProfileMembershipsApplicationsTokensButNoSecrets(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = CoreServices.Create(database);
        var person = await DeleteAccountTests.PersonAsync(database);
        var host = await DeleteAccountTests.PersonAsync(database);
        var community = await DeleteAccountTests.CommunityAsync(database, "Night Owls", (person, CommunityRole.Member));
        var applyingTo = await DeleteAccountTests.CommunityAsync(database, "Gardeners", (host, CommunityRole.Host));
        var now = new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero);
        await using (var db = database.CreateContext())
        {
            db.Competences.Add(new Competence { PersonId = person.Id, Topic = "woodworking", Context = "chairs" });
            db.MembershipApplications.Add(new MembershipApplication
            {
                Id = Guid.NewGuid(), CommunityId = applyingTo, ApplicantId = person.Id, Status = ApplicationStatus.Pending, SubmittedAt = now,
                Answers = [new ApplicationAnswer { Question = "Why?", Text = "I love soil." }],
            });
            db.AccessTokens.Add(new AccessToken
            {
                Id = Guid.NewGuid(), AccountId = person.AccountId, Name = "backup script", Prefix = "rpt_abcd", SecretHash = "HASH-MUST-NOT-LEAK", CreatedAt = now,
            });
            await db.SaveChangesAsync(Ct);
        }

        await using var scope = services.CreateAsyncScope();
        var data = await scope.ServiceProvider.GetRequiredService<ExportPersonalData>().ExecuteAsync(person.AccountId, Ct);

        Assert.NotNull(data);
        Assert.Equal(person.Handle, data.Profile!.Handle);
        Assert.Equal(new PersonalDataCompetence("woodworking", "chairs"), Assert.Single(data.Profile.Competences));
        Assert.Equal("Night Owls", Assert.Single(data.Memberships).CommunityName);
        var application = Assert.Single(data.Applications);
        Assert.Equal("Gardeners", application.CommunityName);
        Assert.Equal(new PersonalDataAnswer("Why?", "I love soil."), Assert.Single(application.Answers));
        Assert.Equal("rpt_abcd", Assert.Single(data.AccessTokens).Prefix);
        var json = JsonSerializer.Serialize(data);
        Assert.DoesNotContain("HASH-MUST-NOT-LEAK", json, StringComparison.Ordinal);
        Assert.DoesNotContain("SecurityStamp", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.Ordinal);
        Assert.NotEqual(Guid.Empty, community);
    }

    [Fact]
    public async Task Execute_MissingAccount_IsNull()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var services = CoreServices.Create(database);
        await using var scope = services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<ExportPersonalData>().ExecuteAsync("missing", Ct));
    }
}
