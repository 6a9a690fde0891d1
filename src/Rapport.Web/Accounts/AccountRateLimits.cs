using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.RateLimiting;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Accounts;

/// <summary>
/// The one rate limiter. Per client address on the pages attackers hammer: sign-in, registration, password
/// reset and confirmation mail (put <c>[EnableRateLimiting(AccountRateLimits.Login)]</c> etc. on the page; the
/// per-account sign-in limit is <see cref="LoginThrottle"/>). Per account on what a signed-in person can repeat
/// cheaply and we pay for: changes (<see cref="Writes"/>, on every API group; page form posts through the global
/// limiter) and searches (<see cref="Search"/>, on the search endpoints; the directory and community list pages
/// through the global limiter). Trust statement writes (<see cref="TrustStatements"/>) have a budget of their own, smaller
/// than the general one, because every one of them changes what others' trust computations see; Core also caps them per
/// day. Page and API budgets are counted apart.
/// </summary>
public static class AccountRateLimits
{
    public const string Login = "login";
    public const string Register = "register";
    public const string ForgotPassword = "forgot-password";
    public const string ResendConfirmation = "resend-confirmation";
    public const string Writes = "writes";
    public const string Search = "search";

    /// <summary>Stating, changing and revoking trust statements, per account, in place of the general write budget.</summary>
    public const string TrustStatements = "trust-statements";

    // Pages whose every view is a search over everyone; pages carry no policy of their own, so the global limiter knows them.
    private static readonly HashSet<Type> SearchPages = [typeof(People.DirectoryPage), typeof(Communities.Pages.CommunitiesPage)];

    internal static IServiceCollection AddAccountRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Rapport:Security:RateLimits").Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddSingleton(settings);
        services.AddSingleton<LoginThrottle>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, cancellationToken) => TooManyRequests.WriteAsync(context.HttpContext, context.Lease, cancellationToken);
            options.AddPolicy(Login, context => PostsPerClient(context, Login, settings.LoginPerClient, settings.Window));
            options.AddPolicy(Register, context => PostsPerClient(context, Register, settings.RegisterPerClient, settings.Window));
            options.AddPolicy(ForgotPassword, context => PostsPerClient(context, ForgotPassword, settings.ForgotPasswordPerClient, settings.Window));
            options.AddPolicy(ResendConfirmation, context => PostsPerClient(context, ResendConfirmation, settings.ResendConfirmationPerClient, settings.Window));
            options.AddPolicy(Writes, context => IsChange(context.Request)
                ? PerAccount(context, Writes, settings.WritesPerAccount, settings.Window)
                : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(Search, context => PerAccount(context, Search, settings.SearchesPerAccount, settings.Window));
            options.AddPolicy(TrustStatements, context => IsChange(context.Request)
                ? PerAccount(context, TrustStatements, settings.TrustStatementsPerAccount, settings.Window)
                : RateLimitPartition.GetNoLimiter(""));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Pages(context, settings));
        });
        return services;
    }

    private static RateLimitPartition<string> PostsPerClient(HttpContext context, string policy, int permits, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{policy}|{ClientKey(context.Connection.RemoteIpAddress)}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");

    /// <summary>Signed-in people's page form posts and search page views; the API has its own policies, anonymous pages theirs.</summary>
    private static RateLimitPartition<string> Pages(HttpContext context, RateLimitSettings settings)
    {
        if (ApiRegistration.IsApiRequest(context) || context.User.FindAccountId() is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        if (IsChange(context.Request))
        {
            return PerAccount(context, "page-" + Writes, settings.WritesPerAccount, settings.Window);
        }

        var page = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        return page is not null && SearchPages.Contains(page)
            ? PerAccount(context, "page-" + Search, settings.SearchesPerAccount, settings.Window)
            : RateLimitPartition.GetNoLimiter("");
    }

    /// <summary>One bucket per account (the client address only for the rare caller without one).</summary>
    private static RateLimitPartition<string> PerAccount(HttpContext context, string policy, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(
            $"{policy}|{context.User.FindAccountId() ?? ClientKey(context.Connection.RemoteIpAddress)}",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });

    private static bool IsChange(HttpRequest request) => StateChanges.IsStateChanging(request.Method);

    /// <summary>
    /// The bucket for a client: its IPv4 address, or its IPv6 /64 (one subscriber usually holds a whole /64).
    /// The address is the connection's, rewritten by forwarded headers only from configured proxies.
    /// No address (in-process test server) is one shared bucket.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    internal static string RetryAfterSeconds(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            : "60";
}
