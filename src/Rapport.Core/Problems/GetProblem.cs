using Microsoft.EntityFrameworkCore;
using Rapport.Core.Dialogue;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;

namespace Rapport.Core.Problems;

/// <summary>
/// One problem as the viewer may see it (<see cref="ProblemAccess.CanSee"/>; otherwise NotFound, exactly as for a
/// missing one), with its whole dialogue in thread order — each reply right after what it answers, siblings oldest
/// first — its thanks and its named perspectives (every one kept; grouped by name, in the order they were first stated).
/// </summary>
public sealed class GetProblem(RapportDbContext db, MarkdownRenderer markdown)
{
    public async Task<Outcome<ProblemView>> ExecuteAsync(Guid viewerId, Guid problemId, CancellationToken cancellationToken)
    {
        var visible = db.Problems.AsNoTracking().Where(ProblemAccess.CanSee(viewerId)).Where(p => p.Id == problemId);
        var summary = (await db.ToSummariesAsync(visible, viewerId, cancellationToken)).SingleOrDefault();
        if (summary is null)
        {
            return Outcome<ProblemView>.NotFound();
        }

        var text = await visible.Select(p => new { p.Body, p.EditedAt, p.StatusChangedAt }).SingleAsync(cancellationToken);
        var rows = await db.Contributions.AsNoTracking()
            .Where(c => c.ProblemId == problemId)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                Contribution = c,
                AuthorHandle = c.Author!.Handle,
                AuthorName = c.Author.DisplayName,
                ThanksCount = c.Thanks.Count,
                ThankedByMe = c.Thanks.Any(t => t.PersonId == viewerId),
            })
            .ToListAsync(cancellationToken);

        // A reply whose parent is gone (deleted with its author's account) is shown at the top level.
        var ids = rows.Select(r => r.Contribution.Id).ToHashSet();
        var byParent = rows.ToLookup(r => r.Contribution.ReplyToId is { } parent && ids.Contains(parent) ? parent : (Guid?)null);
        var dialogue = new List<ContributionView>(rows.Count);
        void Walk(Guid? parent, int depth)
        {
            foreach (var row in byParent[parent])
            {
                var c = row.Contribution;
                dialogue.Add(new ContributionView(
                    c.Id, c.Kind, new Participant(row.AuthorHandle, row.AuthorName), c.Body, markdown.ToSafeHtml(c.Body), c.Url,
                    c.PerspectiveName, c.ReplyToId, c.QuotedText, Math.Min(depth, ContributionView.MaxDepth), row.ThanksCount,
                    row.ThankedByMe, c.AuthorId == viewerId, c.CreatedAt, c.EditedAt));
                Walk(c.Id, depth + 1);
            }
        }

        Walk(null, 0);

        var perspectives = dialogue.Where(c => c.Kind == ContributionKind.Perspective && c.PerspectiveName is not null)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .GroupBy(c => DialogueRules.PerspectiveKey(c.PerspectiveName!))
            .Select(g => new PerspectiveView(
                g.First().PerspectiveName!,
                g.Select(c => c.Id).ToList(),
                g.Select(c => c.Author).Distinct().ToList()))
            .ToList();

        return new ProblemView(summary, text.Body, markdown.ToSafeHtml(text.Body), text.EditedAt, text.StatusChangedAt, dialogue, perspectives);
    }
}
