using Rapport.Core.Agreements;
using Rapport.Core.Communities;
using Rapport.Core.Interactions;
using Rapport.Core.Problems;
using Rapport.Core.Relationships;
using Rapport.Core.Resolutions;
using Rapport.Web.Agreements;
using Rapport.Web.Api;
using Rapport.Web.Security;

namespace Rapport.Web.Relationships;

/// <summary>
/// <c>/api/v1/people/{handle}/ledger</c> (what they gave, to whom, what it enabled — only on problems you may see; never
/// ranked) and <c>/relationship</c> (you and them, both ways). Examples: relationships.http.
/// </summary>
internal static class RelationshipsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("{handle}/ledger", Ledger).WithName("GetLedger")
            .WithSummary("A person's contribution ledger: their credits on problems you may see, newest first.")
            .Produces<LedgerPageResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("{handle}/relationship", Relationship).WithName("GetRelationship")
            .WithSummary("You and this person: your interactions, shared problems, agreements, credits each way and the trust statements you may see.")
            .Produces<RelationshipResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<IResult> Ledger(string handle, int? limit, int? offset, Caller caller, GetLedger useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, handle, new PageRequest(limit, offset), cancellationToken))
            .ToResult(page => TypedResults.Ok(new LedgerPageResponse([.. page.Items.Select(LedgerEntryResponse.From)], page.Total, page.Limit, page.Offset)));

    public static async Task<IResult> Relationship(string handle, Caller caller, GetRelationship useCase, CancellationToken cancellationToken) =>
        (await useCase.ExecuteAsync(caller.Id, handle, cancellationToken)).ToResult(r => TypedResults.Ok(RelationshipResponse.From(r)));
}

public sealed record LedgerEntryResponse(
    Guid CreditId, CreditKind Kind, Guid ProblemId, string ProblemTitle, ChainPersonResponse Credited, ChainPersonResponse To, string Enabled,
    string EnabledHtml, Guid? ContributionId, Guid? InvitationId, DateTimeOffset CreditedAt)
{
    public static LedgerEntryResponse From(LedgerEntry e) => new(
        e.CreditId, e.Kind, e.ProblemId, e.ProblemTitle, ChainPersonResponse.From(e.Credited), ChainPersonResponse.From(e.To), e.Enabled, e.EnabledHtml,
        e.ContributionId, e.InvitationId, e.CreditedAt);
}

public sealed record LedgerPageResponse(IReadOnlyList<LedgerEntryResponse> Items, int Total, int Limit, int Offset);

public sealed record RelationshipInteractionResponse(Guid Id, bool FromYou, InteractionKind Kind, Guid? ProblemId, string? ProblemTitle, DateTimeOffset CreatedAt);

public sealed record SharedProblemResponse(Guid Id, string Title, ProblemStatus Status, bool AskedByYou, DateTimeOffset CreatedAt);

public sealed record RelationshipAgreementResponse(
    Guid Id, Guid ProblemId, string ProblemTitle, bool YouAsked, AgreementStatus Status, string Scope, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

public sealed record RelationshipTrustResponse(Guid Id, double Value, string? Topic, Core.Trust.TrustVisibility Visibility, string NoteHtml);

public sealed record RelationshipResponse(
    ChainPersonResponse Other,
    IReadOnlyList<RelationshipInteractionResponse> Interactions,
    IReadOnlyList<SharedProblemResponse> SharedProblems,
    IReadOnlyList<RelationshipAgreementResponse> Agreements,
    IReadOnlyList<LedgerEntryResponse> CreditsYouGave,
    IReadOnlyList<LedgerEntryResponse> CreditsYouReceived,
    IReadOnlyList<RelationshipTrustResponse> YourTrust,
    IReadOnlyList<RelationshipTrustResponse> TheirTrust)
{
    public static RelationshipResponse From(Relationship r) => new(
        ChainPersonResponse.From(r.Other),
        [.. r.Interactions.Select(i => new RelationshipInteractionResponse(i.Id, i.FromViewer, i.Kind, i.ProblemId, i.ProblemTitle, i.CreatedAt))],
        [.. r.SharedProblems.Select(p => new SharedProblemResponse(p.Id, p.Title, p.Status, p.AskedByViewer, p.CreatedAt))],
        [.. r.Agreements.Select(a => new RelationshipAgreementResponse(a.Id, a.ProblemId, a.ProblemTitle, a.ViewerIsAsker, a.Status, a.Scope, a.CreatedAt, a.DeliveredAt))],
        [.. r.CreditsGiven.Select(LedgerEntryResponse.From)],
        [.. r.CreditsReceived.Select(LedgerEntryResponse.From)],
        [.. r.MyTrust.Select(Trust)],
        [.. r.TheirTrust.Select(Trust)]);

    private static RelationshipTrustResponse Trust(Core.Trust.TrustStatementView s) => new(s.Id, s.Value, s.Topic, s.Visibility, s.NoteHtml);
}
