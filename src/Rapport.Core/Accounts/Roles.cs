namespace Rapport.Core.Accounts;

/// <summary>Instance-wide roles. Community roles live on <see cref="Communities.Membership"/>.</summary>
public static class Roles
{
    /// <summary>Runs the instance. The first account registered on an empty production instance gets it.</summary>
    public const string Administrator = "Administrator";
}
