namespace Rapport.Web.Security;

/// <summary>
/// Cookies are <c>__Host-</c>-prefixed and Secure everywhere except Development, whose <c>dotnet run</c>
/// serves plain http://localhost:5080 (a Secure-only antiforgery cookie cannot work there, and browsers
/// refuse <c>__Host-</c> names without Secure). <c>Rapport:Security:SecureCookies</c> overrides the default.
/// </summary>
public sealed record SecureCookies(bool Enabled)
{
    public CookieSecurePolicy Policy => Enabled ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public string Name(string name) => Enabled ? $"__Host-{name}" : name;

    public static SecureCookies From(WebApplicationBuilder builder) =>
        new(builder.Configuration.GetValue("Rapport:Security:SecureCookies", !builder.Environment.IsDevelopment()));
}
