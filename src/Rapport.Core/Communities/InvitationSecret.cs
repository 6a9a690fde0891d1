using System.Security.Cryptography;
using Rapport.Core.AccessTokens;

namespace Rapport.Core.Communities;

/// <summary>Invitation link secrets: 256 random bits, base64url, stored only as SHA-256 hex (as access tokens are).</summary>
public static class InvitationSecret
{
    /// <summary>Secrets are longer than this never; a longer one is not worth hashing.</summary>
    public const int MaxLength = 100;

    public static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => AccessTokenSecret.Hash(secret);
}
