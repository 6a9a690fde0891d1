namespace Rapport.Core.Communities;

/// <summary>A space with membership, roles and norms. People belong to many.</summary>
public sealed class Community
{
    public const int SlugMinLength = 3;
    public const int SlugMaxLength = 40;
    public const int NameMaxLength = 80;
    public const int DescriptionMaxLength = 4000;
    public const int NormsMaxLength = 4000;
    public const int MaxQuestions = 10;

    public Guid Id { get; set; }

    /// <summary>Unique, lower case, [a-z0-9-]; the community's address.</summary>
    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    /// <summary>Markdown: how members are expected to behave.</summary>
    public string Norms { get; set; } = "";

    public MembershipMode MembershipMode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ApplicationQuestion> Questions { get; set; } = [];

    public List<Membership> Memberships { get; set; } = [];
}
