using Microsoft.EntityFrameworkCore;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Core.Accounts;

/// <summary>Everything Rapport keeps about one account, as its owner downloads it.</summary>
public sealed record PersonalData(
    PersonalDataAccount Account,
    PersonalDataProfile? Profile,
    IReadOnlyList<PersonalDataMembership> Memberships,
    IReadOnlyList<PersonalDataApplication> Applications,
    IReadOnlyList<PersonalDataTrustStatement> TrustStatements,
    IReadOnlyList<PersonalDataRecommendation> Recommendations,
    IReadOnlyList<PersonalDataCollection> Collections,
    IReadOnlyList<PersonalDataAccessToken> AccessTokens,
    IReadOnlyList<PersonalDataSession> Sessions,
    PersonalDataProblemChain ProblemChain);

public sealed record PersonalDataAccount(string? Email, bool EmailConfirmed, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

public sealed record PersonalDataProfile(
    string Handle, string DisplayName, string Bio, Availability Availability, int AttentionBudget, DateTimeOffset JoinedAt,
    IReadOnlyList<PersonalDataCompetence> Competences);

public sealed record PersonalDataCompetence(string Topic, string? Context);

public sealed record PersonalDataMembership(string CommunitySlug, string CommunityName, CommunityRole Role, DateTimeOffset JoinedAt);

public sealed record PersonalDataApplication(
    string CommunitySlug, string CommunityName, ApplicationStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt,
    string? DecisionMessage, IReadOnlyList<PersonalDataAnswer> Answers);

public sealed record PersonalDataAnswer(string Question, string Text);

/// <summary>A trust statement the person made (revoked ones too), with its whole history, oldest first.</summary>
public sealed record PersonalDataTrustStatement(
    string About, string? Topic, double Value, TrustVisibility Visibility, string? Community, string Note,
    DateTimeOffset CreatedAt, DateTimeOffset ChangedAt, DateTimeOffset? RevokedAt, IReadOnlyList<PersonalDataTrustVersion> History);

public sealed record PersonalDataTrustVersion(TrustStatementEvent Event, double Value, TrustVisibility Visibility, string? Community, string Note, DateTimeOffset At);

/// <summary>A recommendation the person made (revoked ones too), with its whole history, oldest first.</summary>
public sealed record PersonalDataRecommendation(
    string ItemTitle, string? ItemUrl, int? Rating, string Note, string? Topic, TrustVisibility Visibility, string? Community,
    DateTimeOffset CreatedAt, DateTimeOffset ChangedAt, DateTimeOffset? RevokedAt, IReadOnlyList<PersonalDataRecommendationVersion> History);

public sealed record PersonalDataRecommendationVersion(
    TrustStatementEvent Event, int? Rating, string Note, string? Topic, TrustVisibility Visibility, string? Community, DateTimeOffset At);

/// <summary>A collection the person owns, entries in order. Collections they follow are others' data and stay out.</summary>
public sealed record PersonalDataCollection(
    string Title, string Description, TrustVisibility Visibility, string? Community, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt,
    IReadOnlyList<PersonalDataCollectionEntry> Entries);

public sealed record PersonalDataCollectionEntry(string ItemTitle, string? ItemUrl, string Note, DateTimeOffset AddedAt);

public sealed record PersonalDataAccessToken(
    string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record PersonalDataSession(DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent);

/// <summary>
/// The owner's copy of their data (GDPR access and portability). Secrets stay out: never the password hash,
/// security stamp, authenticator key, recovery codes, token hashes or session tickets. Each part is an explicit
/// projection, so a column added later is not exported by accident. A missing account is null.
/// </summary>
public sealed partial class ExportPersonalData(RapportDbContext db)
{
    public async Task<PersonalData?> ExecuteAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var account = await db.Users.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new PersonalDataAccount(a.Email, a.EmailConfirmed, a.TwoFactorEnabled, a.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().Include(p => p.Competences)
            .SingleOrDefaultAsync(p => p.AccountId == accountId, cancellationToken);
        var profile = person is null
            ? null
            : new PersonalDataProfile(person.Handle, person.DisplayName, person.Bio, person.Availability, person.AttentionBudget, person.JoinedAt,
                person.Competences.OrderBy(c => c.Id).Select(c => new PersonalDataCompetence(c.Topic, c.Context)).ToList());
        var personId = person?.Id;

        var memberships = (await db.Memberships.AsNoTracking().Where(m => m.PersonId == personId)
                .Select(m => new PersonalDataMembership(m.Community!.Slug, m.Community.Name, m.Role, m.JoinedAt))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.JoinedAt).ToList();

        var applications = (await db.MembershipApplications.AsNoTracking().Where(a => a.ApplicantId == personId)
                .Select(a => new
                {
                    a.Community!.Slug,
                    a.Community.Name,
                    a.Status,
                    a.SubmittedAt,
                    a.DecidedAt,
                    a.DecisionMessage,
                    Answers = a.Answers.OrderBy(x => x.Id).Select(x => new PersonalDataAnswer(x.Question, x.Text)).ToList(),
                })
                .ToListAsync(cancellationToken))
            .OrderBy(a => a.SubmittedAt)
            .Select(a => new PersonalDataApplication(a.Slug, a.Name, a.Status, a.SubmittedAt, a.DecidedAt, a.DecisionMessage, a.Answers))
            .ToList();

        var trust = await TrustStatementsAsync(personId, cancellationToken);
        var recommendations = await RecommendationsAsync(personId, cancellationToken);
        var collections = await CollectionsAsync(personId, cancellationToken);

        var tokens = (await db.AccessTokens.AsNoTracking().Where(t => t.AccountId == accountId)
                .Select(t => new PersonalDataAccessToken(t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt))
                .ToListAsync(cancellationToken))
            .OrderBy(t => t.CreatedAt).ToList();

        var sessions = (await db.Sessions.AsNoTracking().Where(s => s.AccountId == accountId)
                .Select(s => new PersonalDataSession(s.CreatedAt, s.LastSeenAt, s.UserAgent))
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.CreatedAt).ToList();

        var chain = await ProblemChainAsync(personId, cancellationToken);
        return new PersonalData(account, profile, memberships, applications, trust, recommendations, collections, tokens, sessions, chain);
    }

    /// <summary>
    /// The person's own statements, each with its history. Statements others made about them are the others' data and
    /// stay out, like everything private to someone else.
    /// </summary>
    private async Task<List<PersonalDataTrustStatement>> TrustStatementsAsync(Guid? personId, CancellationToken cancellationToken)
    {
        var statements = await db.TrustStatements.AsNoTracking().Where(s => s.FromId == personId)
            .Select(s => new
            {
                About = s.To!.Handle,
                s.Topic,
                s.Value,
                s.Visibility,
                Community = s.Community!.Slug,
                s.Note,
                s.CreatedAt,
                s.ChangedAt,
                s.RevokedAt,
                s.Sequence,
                History = s.Versions.Select(v => new { v.Sequence, v.Event, v.Value, v.Visibility, v.CommunityId, v.Note, v.At }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var communities = await db.LoadCommunitiesAsync(statements.SelectMany(s => s.History).Select(v => v.CommunityId), cancellationToken);
        return statements.OrderBy(s => s.CreatedAt).ThenBy(s => s.Sequence)
            .Select(s => new PersonalDataTrustStatement(
                s.About, s.Topic.Length == 0 ? null : s.Topic, s.Value, s.Visibility, s.Community, s.Note, s.CreatedAt, s.ChangedAt, s.RevokedAt,
                s.History.OrderBy(v => v.Sequence)
                    .Select(v => new PersonalDataTrustVersion(v.Event, v.Value, v.Visibility, v.CommunityId is { } c ? communities[c].Slug : null, v.Note, v.At))
                    .ToList()))
            .ToList();
    }

    private async Task<List<PersonalDataRecommendation>> RecommendationsAsync(Guid? personId, CancellationToken cancellationToken)
    {
        var recommendations = await db.Recommendations.AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new
            {
                r.Item!.Title,
                r.Item.Url,
                r.Rating,
                r.Note,
                r.Topic,
                r.Visibility,
                Community = r.Community!.Slug,
                r.CreatedAt,
                r.ChangedAt,
                r.RevokedAt,
                r.Id,
                History = r.Versions.Select(v => new { v.Number, v.Event, v.Rating, v.Note, v.Topic, v.Visibility, v.CommunityId, v.At }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var communities = await db.LoadCommunitiesAsync(recommendations.SelectMany(r => r.History).Select(v => v.CommunityId), cancellationToken);
        return recommendations.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new PersonalDataRecommendation(
                r.Title, r.Url, r.Rating, r.Note, r.Topic.Length == 0 ? null : r.Topic, r.Visibility, r.Community, r.CreatedAt, r.ChangedAt, r.RevokedAt,
                r.History.OrderBy(v => v.Number)
                    .Select(v => new PersonalDataRecommendationVersion(
                        v.Event, v.Rating, v.Note, v.Topic.Length == 0 ? null : v.Topic, v.Visibility, v.CommunityId is { } c ? communities[c].Slug : null, v.At))
                    .ToList()))
            .ToList();
    }

    private async Task<List<PersonalDataCollection>> CollectionsAsync(Guid? personId, CancellationToken cancellationToken)
    {
        var collections = await db.Collections.AsNoTracking().Where(c => c.OwnerId == personId)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Description,
                c.Visibility,
                Community = c.Community!.Slug,
                c.CreatedAt,
                c.ChangedAt,
                Entries = c.Entries.Select(e => new { e.Position, e.Item!.Title, e.Item.Url, e.Note, e.AddedAt }).ToList(),
            })
            .ToListAsync(cancellationToken);
        return collections.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new PersonalDataCollection(
                c.Title, c.Description, c.Visibility, c.Community, c.CreatedAt, c.ChangedAt,
                c.Entries.OrderBy(e => e.Position).Select(e => new PersonalDataCollectionEntry(e.Title, e.Url, e.Note, e.AddedAt)).ToList()))
            .ToList();
    }
}
