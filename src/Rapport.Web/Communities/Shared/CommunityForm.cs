using Rapport.Core.Communities;

namespace Rapport.Web.Communities.Shared;

/// <summary>The create and edit forms' fields. Questions are one per line in a textarea.</summary>
public sealed class CommunityForm
{
    public string? Slug { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Norms { get; set; }

    public MembershipMode MembershipMode { get; set; } = MembershipMode.Open;

    public string? Questions { get; set; }

    public CommunityFields ToFields() => new(
        Name, Description, Norms, MembershipMode,
        (Questions ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    public static CommunityForm From(CommunityDetail community) => new()
    {
        Slug = community.Slug,
        Name = community.Name,
        Description = community.Description,
        Norms = community.Norms,
        MembershipMode = community.Mode,
        Questions = string.Join('\n', community.Questions),
    };
}
