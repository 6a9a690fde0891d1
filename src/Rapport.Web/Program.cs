using Rapport.Core;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Web.Accounts;
using Rapport.Web.Agreements;
using Rapport.Web.Api;
using Rapport.Web.Blocks;
using Rapport.Web.Communities;
using Rapport.Web.Components;
using Rapport.Web.Hosting;
using Rapport.Web.Invitations;
using Rapport.Web.Notifications;
using Rapport.Web.Offers;
using Rapport.Web.People;
using Rapport.Web.Problems;
using Rapport.Web.Recommendations;
using Rapport.Web.Security;
using Rapport.Web.Trust;

// The content root is the app's own folder (appsettings, wwwroot), wherever it is started from; data goes to
// Rapport:DataDirectory, relative to the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddRapportCore(builder.Configuration);
builder.Services.AddTrustGraphRefresher(builder.Configuration);
builder.Services.AddNotificationDigest(builder.Configuration);
builder.Services.AddFeedWarmUp();
builder.AddRapportAccounts();
builder.AddRapportSecurity();
builder.AddRapportApi();
builder.Services.AddRazorComponents();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseRapportSecurity();
app.UseRapportAccounts();
app.UseRapportApi();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>();
app.MapAccountEndpoints();
app.MapPeopleApi();
app.MapCommunityApi();
app.MapTrustApi();
app.MapRecommendationsApi();
app.MapProblemsApi();
app.MapAgreementChainApi();
app.MapInvitationsApi();
app.MapBlocksApi();
app.MapOffersApi();
app.MapNotificationsApi();
app.MapHealth();

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
