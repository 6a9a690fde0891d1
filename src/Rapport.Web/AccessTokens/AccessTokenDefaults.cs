namespace Rapport.Web.AccessTokens;

public static class AccessTokenDefaults
{
    /// <summary>The authentication scheme for <c>Authorization: Bearer rpt_…</c>.</summary>
    public const string Scheme = "AccessToken";
}
