using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;

namespace Rapport.Web.Communities;

/// <summary>A new community. Only these fields are read: who hosts it is the caller, never the body.</summary>
public sealed record CreateCommunityRequest(
    [property: MaxLength(Community.SlugMaxLength)] string? Slug,
    [property: MaxLength(Community.NameMaxLength)] string? Name,
    [property: MaxLength(Community.DescriptionMaxLength)] string? Description,
    [property: MaxLength(Community.NormsMaxLength)] string? Norms,
    MembershipMode? MembershipMode,
    [property: MaxLength(Community.MaxQuestions)] IReadOnlyList<string>? Questions)
{
    public CommunityFields ToFields() => new(Name, Description, Norms, MembershipMode, Questions);
}

/// <summary>A community's new texts, mode and questions. The slug is its address and does not change.</summary>
public sealed record UpdateCommunityRequest(
    [property: MaxLength(Community.NameMaxLength)] string? Name,
    [property: MaxLength(Community.DescriptionMaxLength)] string? Description,
    [property: MaxLength(Community.NormsMaxLength)] string? Norms,
    MembershipMode? MembershipMode,
    [property: MaxLength(Community.MaxQuestions)] IReadOnlyList<string>? Questions)
{
    public CommunityFields ToFields() => new(Name, Description, Norms, MembershipMode, Questions);
}

public sealed record ChangeRoleRequest(CommunityRole? Role);

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit)
{
    public static PageResponse<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Offset, page.Limit);
}

public sealed record CommunitySummaryResponse(string Slug, string Name, MembershipMode MembershipMode, int MemberCount, DateTimeOffset CreatedAt)
{
    public static CommunitySummaryResponse From(CommunitySummary c) => new(c.Slug, c.Name, c.Mode, c.MemberCount, c.CreatedAt);
}

public sealed record CompetenceResponse(string Topic, string? Context);

public sealed record PersonResponse(string Handle, string DisplayName, IReadOnlyList<CompetenceResponse> Competences)
{
    public static PersonResponse From(PersonSummary p) =>
        new(p.Handle, p.DisplayName, p.Competences.Select(c => new CompetenceResponse(c.Topic, c.Context)).ToList());
}

public sealed record MemberResponse(string Handle, string DisplayName, CommunityRole Role, DateTimeOffset JoinedAt, IReadOnlyList<CompetenceResponse> Competences)
{
    public static MemberResponse From(MemberSummary m)
    {
        var person = PersonResponse.From(m.Person);
        return new(person.Handle, person.DisplayName, m.Role, m.JoinedAt, person.Competences);
    }
}

/// <summary>Where the caller stands in a community: their role (null if not a member) and their latest application.</summary>
public sealed record ViewerResponse(CommunityRole? Role, ApplicationResponse? Application);

public sealed record CommunityResponse(
    string Slug,
    string Name,
    string Description,
    string DescriptionHtml,
    string Norms,
    string NormsHtml,
    MembershipMode MembershipMode,
    IReadOnlyList<string> Questions,
    int MemberCount,
    IReadOnlyList<MemberResponse> Members,
    ViewerResponse Viewer,
    DateTimeOffset CreatedAt)
{
    public static CommunityResponse From(CommunityDetail d) => new(
        d.Slug, d.Name, d.Description, d.DescriptionHtml, d.Norms, d.NormsHtml, d.Mode, d.Questions, d.MemberCount,
        d.Members.Select(MemberResponse.From).ToList(),
        new ViewerResponse(d.ViewerRole, d.ViewerApplication is null ? null : ApplicationResponse.From(d.ViewerApplication)),
        d.CreatedAt);
}

public sealed record MembershipResponse(string Community, CommunityRole Role);
