using System.ComponentModel.DataAnnotations;
using Rapport.Core.Communities;
using Rapport.Core.People;

namespace Rapport.Web.People;

/// <summary>A competence on a profile; <c>id</c> is what <c>DELETE /api/v1/people/me/competences/{id}</c> takes.</summary>
public sealed record CompetenceDto(long Id, string Topic, string? Context)
{
    internal static CompetenceDto From(CompetenceView view) => new(view.Id, view.Topic, view.Context);

    internal static IReadOnlyList<CompetenceDto> From(IEnumerable<CompetenceView> views) => [.. views.Select(From)];
}

/// <summary>A community the person belongs to and their role there.</summary>
public sealed record CommunityMembershipDto(string Name, string Slug, CommunityRole Role);

/// <summary>A profile. <c>bio</c> is the Markdown source; <c>bioHtml</c> is it rendered and sanitized.</summary>
public sealed record PersonDto(
    string Handle,
    string DisplayName,
    string Bio,
    string BioHtml,
    Availability Availability,
    int AttentionBudget,
    DateTimeOffset JoinedAt,
    IReadOnlyList<CompetenceDto> Competences,
    IReadOnlyList<CommunityMembershipDto> Communities)
{
    internal static PersonDto From(ProfileView view) => new(view.Handle, view.DisplayName, view.Bio, view.BioHtml, view.Availability,
        view.AttentionBudget, view.JoinedAt, CompetenceDto.From(view.Competences),
        [.. view.Communities.Select(c => new CommunityMembershipDto(c.Name, c.Slug, c.Role))]);
}

/// <summary>A person as a directory row.</summary>
public sealed record PersonSummaryDto(string Handle, string DisplayName, Availability Availability, IReadOnlyList<CompetenceDto> Competences);

/// <summary>One page of the directory; <c>total</c> counts every match.</summary>
public sealed record PeoplePageDto(IReadOnlyList<PersonSummaryDto> Items, int Total, int Limit, int Offset)
{
    internal static PeoplePageDto From(PeoplePage page) => new(
        [.. page.Items.Select(p => new PersonSummaryDto(p.Handle, p.DisplayName, p.Availability, CompetenceDto.From(p.Competences)))],
        page.Total, page.Limit, page.Offset);
}

/// <summary>The fields of your own profile that <c>PUT /api/v1/people/me</c> replaces. Handle and account cannot be set.</summary>
/// <remarks>
/// The validation attributes on request records only document the limits (in the OpenAPI document); the use
/// cases enforce them, with the same numbers.
/// </remarks>
public sealed record UpdateProfileRequest(
    [property: MaxLength(Person.DisplayNameMaxLength)] string? DisplayName,
    [property: MaxLength(Person.BioMaxLength)] string? Bio,
    Availability? Availability,
    [property: Range(0, Person.MaxAttentionBudget)] int? AttentionBudget);

/// <summary>A competence to add: a topic, optionally in a context ("piloting" @ "Helsinki harbour").</summary>
public sealed record CompetenceRequest(
    [property: MaxLength(Rapport.Trust.Topics.Topic.MaxLength)] string? Topic,
    [property: MaxLength(Competence.ContextMaxLength)] string? Context)
{
    internal CompetenceInput ToInput() => new(Topic, Context);
}

/// <summary>The whole new competence list; an empty list removes them all.</summary>
public sealed record ReplaceCompetencesRequest([property: MaxLength(Person.MaxCompetences)] IReadOnlyList<CompetenceRequest?>? Competences);
