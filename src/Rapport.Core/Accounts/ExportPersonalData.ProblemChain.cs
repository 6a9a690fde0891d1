using Microsoft.EntityFrameworkCore;
using Rapport.Core.Agreements;
using Rapport.Core.Dialogue;
using Rapport.Core.Invitations;
using Rapport.Core.Notifications;
using Rapport.Core.Problems;
using Rapport.Core.Resolutions;
using Rapport.Core.Trust;

namespace Rapport.Core.Accounts;

/// <summary>
/// The person's part in the problem chain: what they asked, wrote, thanked, were asked and asked, agreed, resolved and
/// were credited for, what they offer and whom they blocked, and their notices. Everything tied to a problem is in it only
/// while the person may still see that problem (<see cref="ProblemAccess.CanSee"/>, the rule every list uses): an
/// invitation withdrawn or a community left takes its entries out, as it takes the problem out of their pages, so the
/// export never tells them that a problem hidden from them exists.
/// </summary>
public sealed record PersonalDataProblemChain(
    IReadOnlyList<PersonalDataProblem> Problems,
    IReadOnlyList<PersonalDataContribution> Contributions,
    IReadOnlyList<PersonalDataThanks> ThanksGiven,
    IReadOnlyList<PersonalDataInvitation> InvitationsReceived,
    IReadOnlyList<PersonalDataInvitation> InvitationsSent,
    IReadOnlyList<PersonalDataAgreement> Agreements,
    IReadOnlyList<PersonalDataResolution> Resolutions,
    IReadOnlyList<PersonalDataCredit> CreditsReceived,
    IReadOnlyList<PersonalDataOffer> Offers,
    IReadOnlyList<PersonalDataBlock> Blocks,
    IReadOnlyList<PersonalDataNotice> Notices)
{
    public static readonly PersonalDataProblemChain Empty = new([], [], [], [], [], [], [], [], [], [], []);
}

/// <summary>A problem the person took part in (and may still see).</summary>
public sealed record PersonalDataProblemRef(Guid Id, string Title);

public sealed record PersonalDataProblem(
    Guid Id, ProblemKind Kind, string Title, string Body, string Place, ProblemVisibility Visibility, string? Community,
    IReadOnlyList<string> Topics, ProblemStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt);

public sealed record PersonalDataContribution(
    PersonalDataProblemRef Problem, ContributionKind Kind, string Body, string? Url, string? PerspectiveName, string QuotedText,
    DateTimeOffset CreatedAt, DateTimeOffset? EditedAt);

/// <summary>A thank the person gave, and whose contribution it thanked.</summary>
public sealed record PersonalDataThanks(PersonalDataProblemRef Problem, string ContributionBy, DateTimeOffset ThankedAt);

/// <summary>
/// An invitation the person received or sent. <c>Other</c> is the one who invited them (received) or whom they invited
/// (sent), and <c>Reason</c> the "why you" they were shown (received only). The response note is the invitee's own words, so it is in the invitee's copy only.
/// </summary>
public sealed record PersonalDataInvitation(
    PersonalDataProblemRef Problem, string Other, InvitationSource Source, InvitationStatus Status, string? Reason, string? ResponseNote,
    DateTimeOffset CreatedAt, DateTimeOffset? RespondedAt);

/// <summary>An agreement the person is a side of, with their own reflection (the other side's is theirs).</summary>
public sealed record PersonalDataAgreement(
    PersonalDataProblemRef Problem, string Role, string Other, string Scope, string Terms, decimal? PriceAmount, string? PriceCurrency,
    DateOnly? DueOn, AgreementStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? DeliveredAt,
    DateTimeOffset? CancelledAt, string? Reflection, DateTimeOffset? ReflectedAt);

/// <summary>A resolution or closing the person wrote, with whom it credited.</summary>
public sealed record PersonalDataResolution(
    PersonalDataProblemRef Problem, ResolutionOutcome Outcome, string Summary, DateTimeOffset CreatedAt, IReadOnlyList<PersonalDataCreditGiven> Credited);

public sealed record PersonalDataCreditGiven(string Person, string Note);

/// <summary>A credit the person received.</summary>
public sealed record PersonalDataCredit(PersonalDataProblemRef Problem, string Note, DateTimeOffset CreatedAt);

public sealed record PersonalDataOffer(
    string Title, string Description, string ForWhom, string Place, IReadOnlyList<string> Topics, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt);

public sealed record PersonalDataBlock(string Blocked, DateTimeOffset Since);

/// <summary>A notice in the person's inbox, as the inbox shows them (<see cref="NotificationAccess"/>).</summary>
public sealed record PersonalDataNotice(NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt, DateTimeOffset? EmailedAt);

public sealed partial class ExportPersonalData
{
    private const string AskerRole = "asker";
    private const string HelperRole = "helper";

    private async Task<PersonalDataProblemChain> ProblemChainAsync(Guid? person, CancellationToken cancellationToken)
    {
        if (person is not { } personId)
        {
            return PersonalDataProblemChain.Empty;
        }

        var problems = (await db.Problems.AsNoTracking().Where(p => p.AuthorId == personId)
                .Select(p => new
                {
                    p.Id, p.Kind, p.Title, p.Body, p.Place, p.Visibility, Community = p.Community!.Slug, Topics = p.Topics.Select(t => t.Topic).ToList(),
                    p.Status, p.CreatedAt, p.EditedAt,
                })
                .ToListAsync(cancellationToken))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new PersonalDataProblem(
                p.Id, p.Kind, p.Title, p.Body, p.Place, p.Visibility, p.Community, [.. p.Topics.Order(StringComparer.Ordinal)], p.Status, p.CreatedAt, p.EditedAt))
            .ToList();

        var contributions = (await db.Contributions.AsNoTracking().Where(c => c.AuthorId == personId)
            .Select(c => new { c.Id, c.ProblemId, c.Kind, c.Body, c.Url, c.PerspectiveName, c.QuotedText, c.CreatedAt, c.EditedAt })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();
        var thanks = (await db.Thanks.AsNoTracking().Where(t => t.PersonId == personId)
            .Join(db.Contributions, t => t.ContributionId, c => c.Id, (t, c) => new { c.ProblemId, By = c.Author!.Handle, t.CreatedAt, t.ContributionId })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.ContributionId).ToList();
        var invitations = (await db.Invitations.AsNoTracking().Where(i => i.InviteeId == personId || i.InvitedById == personId)
            .Select(i => new
            {
                i.Id, i.ProblemId, i.InviteeId, Invitee = i.Invitee!.Handle, InvitedBy = i.InvitedBy!.Handle, i.Source, i.Status, i.Reason, i.ResponseNote,
                i.CreatedAt, i.RespondedAt,
            })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();
        var agreements = (await db.Agreements.AsNoTracking().Where(a => a.AskerId == personId || a.HelperId == personId)
            .Select(a => new
            {
                a.Id, a.ProblemId, a.AskerId, Asker = a.Asker!.Handle, Helper = a.Helper!.Handle, a.Scope, a.Terms, a.PriceAmount, a.PriceCurrency, a.DueOn,
                a.Status, a.CreatedAt, a.AskerConfirmedAt, a.HelperConfirmedAt, a.DeliveredAt, a.CancelledAt,
                Reflection = a.Reflections.Where(r => r.PersonId == personId).Select(r => new { r.Text, r.CreatedAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();
        var resolutions = (await db.Resolutions.AsNoTracking().Where(r => r.ResolvedById == personId)
            .Select(r => new
            {
                r.ProblemId, r.Outcome, r.Summary, r.CreatedAt,
                r.Id,
                Credits = r.Credits.Select(c => new { c.Id, c.CreditedPerson!.Handle, c.Note }).ToList(),
            })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();
        var credits = (await db.Credits.AsNoTracking().Where(c => c.CreditedPersonId == personId)
            .Join(db.Resolutions, c => c.ResolutionId, r => r.Id, (c, r) => new { c.Id, r.ProblemId, c.Note, c.CreatedAt })
            .ToListAsync(cancellationToken)).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();

        var mentioned = contributions.Select(c => c.ProblemId).Concat(thanks.Select(t => t.ProblemId)).Concat(invitations.Select(i => i.ProblemId))
            .Concat(agreements.Select(a => a.ProblemId)).Concat(resolutions.Select(r => r.ProblemId)).Concat(credits.Select(c => c.ProblemId))
            .Distinct().ToList();
        var visible = await db.Problems.AsNoTracking().Where(ProblemAccess.CanSee(personId)).Where(p => mentioned.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title, cancellationToken);
        PersonalDataProblemRef Ref(Guid id) => new(id, visible[id]);
        bool Seen(Guid problemId) => visible.ContainsKey(problemId);

        var offers = (await db.Offers.AsNoTracking().Where(o => o.PersonId == personId)
                .Select(o => new { o.Id, o.Title, o.Description, o.ForWhom, o.Place, Topics = o.Topics.Select(t => t.Topic).ToList(), o.IsActive, o.CreatedAt, o.ChangedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)
            .Select(o => new PersonalDataOffer(o.Title, o.Description, o.ForWhom, o.Place, [.. o.Topics.Order(StringComparer.Ordinal)], o.IsActive, o.CreatedAt, o.ChangedAt))
            .ToList();
        var blocks = (await db.Blocks.AsNoTracking().Where(b => b.BlockerId == personId)
                .Join(db.People, b => b.BlockedId, p => p.Id, (b, p) => new { p.Handle, b.CreatedAt })
                .ToListAsync(cancellationToken)).OrderBy(b => b.CreatedAt).Select(b => new PersonalDataBlock(b.Handle, b.CreatedAt)).ToList();
        var notices = (await NotificationAccess.Inbox(db, personId).AsNoTracking()
                .Select(n => new { n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt, n.EmailedAt })
                .ToListAsync(cancellationToken))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)
            .Select(n => new PersonalDataNotice(n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt, n.EmailedAt)).ToList();

        return new PersonalDataProblemChain(
            problems,
            [.. contributions.Where(c => Seen(c.ProblemId)).Select(c => new PersonalDataContribution(Ref(c.ProblemId), c.Kind, c.Body, c.Url, c.PerspectiveName, c.QuotedText, c.CreatedAt, c.EditedAt))],
            [.. thanks.Where(t => Seen(t.ProblemId)).Select(t => new PersonalDataThanks(Ref(t.ProblemId), t.By, t.CreatedAt))],
            [.. invitations.Where(i => Seen(i.ProblemId) && i.InviteeId == personId).Select(i => new PersonalDataInvitation(
                Ref(i.ProblemId), i.InvitedBy, i.Source, i.Status, i.Reason, i.ResponseNote, i.CreatedAt, i.RespondedAt))],
            [.. invitations.Where(i => Seen(i.ProblemId) && i.InviteeId != personId).Select(i => new PersonalDataInvitation(
                Ref(i.ProblemId), i.Invitee, i.Source, i.Status, null, null, i.CreatedAt, i.RespondedAt))],
            [.. agreements.Where(a => Seen(a.ProblemId)).Select(a =>
            {
                var asAsker = a.AskerId == personId;
                return new PersonalDataAgreement(
                    Ref(a.ProblemId), asAsker ? AskerRole : HelperRole, asAsker ? a.Helper : a.Asker, a.Scope, a.Terms,
                    a.PriceAmount, a.PriceCurrency, a.DueOn, a.Status, a.CreatedAt, asAsker ? a.AskerConfirmedAt : a.HelperConfirmedAt, a.DeliveredAt,
                    a.CancelledAt, a.Reflection?.Text, a.Reflection?.CreatedAt);
            })],
            [.. resolutions.Where(r => Seen(r.ProblemId)).Select(r => new PersonalDataResolution(
                Ref(r.ProblemId), r.Outcome, r.Summary, r.CreatedAt,
                [.. r.Credits.OrderBy(c => c.Id).Select(c => new PersonalDataCreditGiven(c.Handle, c.Note))]))],
            [.. credits.Where(c => Seen(c.ProblemId)).Select(c => new PersonalDataCredit(Ref(c.ProblemId), c.Note, c.CreatedAt))],
            offers,
            blocks,
            notices);
    }
}
