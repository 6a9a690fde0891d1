namespace Rapport.Web.AccessTokens;

public static class AccessTokenDefaults
{
    /// <summary>The authentication scheme for <c>Authorization: Bearer rpt_…</c>.</summary>
    public const string Scheme = "AccessToken";

    /// <summary>Every token starts with this, so leaked tokens are easy to recognise and scan for.</summary>
    public const string SecretPrefix = "rpt_";
}
