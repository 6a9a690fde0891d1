using Microsoft.EntityFrameworkCore;
using Rapport.Core.Interactions;
using Rapport.Core.Notifications;
using Rapport.Core.Markdown;
using Rapport.Core.Outcomes;
using Rapport.Core.Persistence;
using Rapport.Core.Problems;

namespace Rapport.Core.Dialogue;

/// <summary>
/// Adds a reply, proposal, artefact link or perspective to a problem the contributor may see (otherwise NotFound), maybe
/// replying to and quoting another contribution of the same problem. An ended problem takes no contributions (Conflict:
/// reopen it first). The first contribution by someone other than the author moves the problem from open to in
/// dialogue; a person's first contribution to someone else's problem records an <c>answered</c> interaction to the
/// asker. At most <see cref="Contribution.MaxPostedPerDay"/> contributions per person in 24 hours.
/// </summary>
public sealed class Contribute(RapportDbContext db, TimeProvider clock, MarkdownRenderer markdown, Notices notices)
{
    public async Task<Outcome<ContributionView>> ExecuteAsync(
        Guid contributorId, Guid problemId, ContributionInput input, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.Where(ProblemAccess.CanSee(contributorId))
            .SingleOrDefaultAsync(p => p.Id == problemId, cancellationToken);
        if (problem is null)
        {
            return Outcome<ContributionView>.NotFound();
        }

        var errors = new FieldErrors();
        var (kind, body, url, perspective, quote) = DialogueRules.Validate(input, errors);
        if (input.ReplyTo is { } replyTo)
        {
            var parent = await db.Contributions.AsNoTracking()
                .Where(c => c.Id == replyTo && c.ProblemId == problemId)
                .Select(c => new { c.Body })
                .SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                errors.Add("replyTo", "Reply to a contribution in this problem's dialogue.");
            }
            else if (quote.Length > 0 && !parent.Body.ReplaceLineEndings("\n").Contains(quote, StringComparison.Ordinal))
            {
                errors.Add("quote", "Quote a passage of the contribution you reply to, exactly as written.");
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome<ContributionView>.Invalid(errors);
        }

        if (problem.IsEnded)
        {
            return Outcome<ContributionView>.Conflict(ProblemLifecycle.Describe(ProblemRefusal.Ended));
        }

        var now = clock.GetUtcNow();
        var since = now - TimeSpan.FromDays(1);
        if (await db.Contributions.CountAsync(c => c.AuthorId == contributorId && c.CreatedAt > since, cancellationToken)
            >= Contribution.MaxPostedPerDay)
        {
            return Outcome<ContributionView>.Conflict(
                $"You have contributed {Contribution.MaxPostedPerDay} times in the last 24 hours. Try again later.");
        }

        var contribution = new Contribution
        {
            Id = Guid.CreateVersion7(now),
            ProblemId = problemId,
            AuthorId = contributorId,
            Kind = kind,
            Body = body,
            Url = url,
            PerspectiveName = perspective,
            ReplyToId = input.ReplyTo,
            QuotedText = quote,
            CreatedAt = now,
        };
        db.Contributions.Add(contribution);
        if (contributorId != problem.AuthorId)
        {
            if (problem.Status == ProblemStatus.Open)
            {
                problem.StartDialogue(now);
            }

            if (!await db.Contributions.AnyAsync(c => c.ProblemId == problemId && c.AuthorId == contributorId, cancellationToken))
            {
                db.Interactions.Add(new Interaction
                {
                    FromId = contributorId, ToId = problem.AuthorId, Kind = InteractionKind.Answered,
                    ProblemId = problemId, ContributionId = contribution.Id, CreatedAt = now,
                });
            }
        }

        var author = await db.People.AsNoTracking().Where(p => p.Id == contributorId)
            .Select(p => new Participant(p.Handle, p.DisplayName)).SingleAsync(cancellationToken);
        await NotifyAsync(problem, contribution, author, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new ContributionView(
            contribution.Id, kind, author, body, markdown.ToSafeHtml(body), url, perspective, input.ReplyTo, quote,
            Depth: 0, ThanksCount: 0, ThankedByMe: false, IsMine: true, now, null);
    }

    /// <summary>The asker hears of every contribution by someone else; the author of the contribution replied to hears of the reply.</summary>
    private async Task NotifyAsync(Problem problem, Contribution contribution, Participant author, CancellationToken cancellationToken)
    {
        var link = $"/problems/{problem.Id}#c-{contribution.Id}";
        await notices.AddAsync(problem.AuthorId, contribution.AuthorId, NotificationKind.ContributionPosted, $"contribution:{contribution.Id}",
            $"{author.DisplayName} contributed to your problem \"{problem.Title}\".", link, problem.Id, cancellationToken);
        if (contribution.ReplyToId is { } parentId)
        {
            var parentAuthor = await db.Contributions.AsNoTracking().Where(c => c.Id == parentId).Select(c => c.AuthorId).SingleAsync(cancellationToken);
            if (parentAuthor != problem.AuthorId)
            {
                await notices.AddAsync(parentAuthor, contribution.AuthorId, NotificationKind.ReplyPosted, $"contribution:{contribution.Id}:reply",
                    $"{author.DisplayName} replied to you on \"{problem.Title}\".", link, problem.Id, cancellationToken);
            }
        }
    }
}
