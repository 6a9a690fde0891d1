using Rapport.Core.Communities;

namespace Rapport.Core.People;

/// <summary>
/// A person's profile as a signed-in viewer sees it. <c>Bio</c> is the Markdown source; <c>BioHtml</c> is it
/// rendered by <see cref="Markdown.MarkdownRenderer.ToSafeHtml"/>, safe to embed. <c>IsViewer</c>: the
/// viewer's own profile.
/// </summary>
public sealed record ProfileView(
    string Handle,
    string DisplayName,
    string Bio,
    string BioHtml,
    Availability Availability,
    int AttentionBudget,
    DateTimeOffset JoinedAt,
    IReadOnlyList<CompetenceView> Competences,
    IReadOnlyList<CommunityMembershipView> Communities,
    bool IsViewer);

/// <summary>A community the person belongs to, and their role in it.</summary>
public sealed record CommunityMembershipView(string Name, string Slug, CommunityRole Role);
