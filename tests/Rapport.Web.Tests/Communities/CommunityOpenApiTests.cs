using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Communities;

public sealed class CommunityOpenApiTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task OpenApi_DescribesEveryCommunityOperationByName(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);

        var response = await app.CreateClient().GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string[] operations =
        [
            "ListCommunities", "CreateCommunity", "GetCommunity", "UpdateCommunity", "ListCommunityMembers", "JoinCommunity",
            "LeaveCommunity", "ChangeCommunityRole", "ListApplications", "ApplyToCommunity", "GetApplication", "ApproveApplication",
            "DeclineApplication", "WithdrawApplication", "ListInvitationLinks", "CreateInvitationLink", "RevokeInvitationLink", "AcceptInvitation",
        ];
        Assert.All(operations, id => Assert.Contains($"\"operationId\": \"{id}\"", document, StringComparison.Ordinal));
        Assert.DoesNotContain("\"caller\"", document, StringComparison.OrdinalIgnoreCase);
    }
}
