namespace Rapport.Core.Communities;

/// <summary>One page of a longer list, with the total so a pager can tell whether there is more.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int Offset, int Limit)
{
    public bool HasPrevious => Offset > 0;

    public bool HasNext => Offset + Items.Count < Total;
}

/// <summary>A competence as shown beside a person: "piloting" @ "Helsinki harbour".</summary>
public sealed record CompetenceTag(string Topic, string? Context);

/// <summary>Who someone is, in one line: enough to recognise them and follow the link to their profile.</summary>
public sealed record PersonSummary(Guid Id, string Handle, string DisplayName, IReadOnlyList<CompetenceTag> Competences);

public sealed record MemberSummary(PersonSummary Person, CommunityRole Role, DateTimeOffset JoinedAt);

public sealed record CommunitySummary(string Slug, string Name, MembershipMode Mode, int MemberCount, DateTimeOffset CreatedAt);

/// <summary>A community page: the texts (Markdown and sanitized HTML), its members, and where the viewer stands.</summary>
public sealed record CommunityDetail(
    string Slug,
    string Name,
    string Description,
    string DescriptionHtml,
    string Norms,
    string NormsHtml,
    MembershipMode Mode,
    IReadOnlyList<string> Questions,
    int MemberCount,
    IReadOnlyList<MemberSummary> Members,
    CommunityRole? ViewerRole,
    ApplicationView? ViewerApplication,
    DateTimeOffset CreatedAt);

public sealed record AnswerView(string Question, string Text);

/// <summary>An application as its applicant and the community's hosts see it.</summary>
public sealed record ApplicationView(
    Guid Id,
    string CommunitySlug,
    string CommunityName,
    PersonSummary Applicant,
    ApplicationStatus Status,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<AnswerView> Answers,
    DateTimeOffset? DecidedAt,
    string? DecisionMessage);

public sealed record InvitationLinkView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, int? MaxUses, int Uses, DateTimeOffset? RevokedAt);

/// <summary>A new link with its secret, which is shown this once and never stored.</summary>
public sealed record CreatedInvitationLink(InvitationLinkView Link, string Secret);

/// <summary>What someone holding an invitation link sees before joining.</summary>
public sealed record InvitationPreview(string Slug, string Name, MembershipMode Mode, int MemberCount, bool AlreadyMember);
