using System.Security.Cryptography;
using System.Text;

namespace Rapport.Core.AccessTokens;

/// <summary>How personal access token secrets look, and how they are stored (SHA-256, hex).</summary>
public static class AccessTokenSecret
{
    /// <summary>Every secret starts with this, so a leaked one is easy to recognise and scan for.</summary>
    public const string Prefix = "rpt_";

    /// <summary>How many leading characters of the secret are kept to tell tokens apart.</summary>
    public const int VisiblePrefixLength = 8;

    /// <summary>A new secret: the prefix and 256 random bits, base64url.</summary>
    public static string Generate() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string VisiblePart(string secret) => secret[..Math.Min(VisiblePrefixLength, secret.Length)];
}
