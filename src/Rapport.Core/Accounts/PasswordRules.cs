using System.Collections.Frozen;

namespace Rapport.Core.Accounts;

/// <summary>
/// What makes a password acceptable (ASVS 5.0 6.2): 12 to 128 characters of anything, not a
/// well-known password, and not built from the account's own email name or handle. No composition rules.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>Personal parts shorter than this are too likely to occur by chance to refuse.</summary>
    private const int MinPersonalPartLength = 4;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// <summary>True when <paramref name="password"/>, ignoring case, is on the vendored common-password list.</summary>
    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    /// <summary>True when <paramref name="password"/> contains <paramref name="part"/> (an email local part or a handle), ignoring case.</summary>
    public static bool ContainsPersonalPart(string password, string? part) =>
        part is { Length: >= MinPersonalPartLength } && password.Contains(part, StringComparison.OrdinalIgnoreCase);

    /// <summary>The part of an email address before the @, or null.</summary>
    public static string? LocalPart(string? email) =>
        email?.IndexOf('@', StringComparison.Ordinal) is > 0 and var at ? email[..at] : null;

    // CommonPasswords.txt (see CommonPasswords.NOTICE.txt) is embedded: one lower-case password a line.
    private static FrozenSet<string> LoadCommon()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Rapport.Core.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var passwords = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                passwords.Add(line);
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
