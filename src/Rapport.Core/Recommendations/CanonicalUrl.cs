using System.Text;

namespace Rapport.Core.Recommendations;

/// <summary>
/// One spelling per web address, so the same page is one item: http(s) only; scheme and host lower-case (international
/// names in their ASCII form); the default port, user info and fragment dropped; dot segments resolved; a trailing
/// slash dropped except for the root path ("/"); tracking parameters (utm_*, fbclid, gclid, …) removed; the remaining
/// query parameters sorted (by name, then value, ordinal) with empty ones dropped. Path and query case are kept: servers
/// may tell them apart.
/// </summary>
public static class CanonicalUrl
{
    public const int MaxLength = 2000;

    private static readonly HashSet<string> TrackingParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid", "igshid", "_ga", "_gl",
        "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "_hsenc", "_hsmi", "si",
    };

    /// <summary>The canonical form of <paramref name="raw"/>, or null when it is not an absolute http(s) address.</summary>
    public static string? Canonicalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || !Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var result = new StringBuilder(uri.Scheme).Append("://").Append(uri.IdnHost.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            result.Append(':').Append(uri.Port);
        }

        var path = uri.AbsolutePath;
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path.TrimEnd('/');
            path = path.Length == 0 ? "/" : path;
        }

        result.Append(path);
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => (Pair: p, Name: Uri.UnescapeDataString(p.Split('=', 2)[0].Replace('+', ' '))))
            .Where(p => p.Name.Length > 0 && !IsTracking(p.Name))
            .Select(p => p.Pair)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (parameters.Count > 0)
        {
            result.Append('?').AppendJoin('&', parameters);
        }

        return result.ToString();
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingParameters.Contains(name);
}
