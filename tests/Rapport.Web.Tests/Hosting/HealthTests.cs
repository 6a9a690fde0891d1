using System.Net;
using Rapport.Core.Persistence;
using Rapport.Testing;
using Rapport.Web.Tests.Infrastructure;

namespace Rapport.Web.Tests.Hosting;

public sealed class HealthTests(Apps apps)
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Healthz_WithDatabaseUp_AnswersOkAnonymously(DatabaseProvider provider)
    {
        var app = await apps.ForAsync(provider);
        var client = app.CreateClient();

        var response = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
