using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Rapport.Web.Api;

namespace Rapport.Web.Accounts;

/// <summary>
/// Rate limits per client address on the pages attackers hammer: sign-in, registration, password reset
/// and confirmation mail. Put <c>[EnableRateLimiting(AccountRateLimits.Login)]</c> (etc.) on the page.
/// The per-account sign-in limit is <see cref="LoginThrottle"/>.
/// </summary>
public static class AccountRateLimits
{
    public const string Login = "login";
    public const string Register = "register";
    public const string ForgotPassword = "forgot-password";
    public const string ResendConfirmation = "resend-confirmation";

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
        });
        return services;
    }

    private static RateLimitPartition<string> PostsPerClient(HttpContext context, string policy, int permits, TimeSpan window) =>
        HttpMethods.IsPost(context.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter($"{policy}|{ClientKey(context.Connection.RemoteIpAddress)}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("");

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
