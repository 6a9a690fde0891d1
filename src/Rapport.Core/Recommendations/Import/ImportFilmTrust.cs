using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Persistence;
using Rapport.Core.Trust;

namespace Rapport.Core.Recommendations.Import;

/// <summary>What one import added; all zero when everything was already there.</summary>
public sealed record FilmTrustImported(int People, int TrustStatements, int Items, int Recommendations)
{
    public bool ChangedNothing => People == 0 && TrustStatements == 0 && Items == 0 && Recommendations == 0;
}

/// <summary>
/// Writes <see cref="FilmTrustData"/> as the open "FilmTrust" community: its users become members who cannot sign in
/// (handles <c>filmtrust_123</c>), their trust rows public statements (<see cref="FilmTrustMapping.TrustValue"/>, logged
/// in the trust change log so every node's graph replica picks them up), the films items "Film #id" (video, topic
/// film), the ratings public recommendations (<see cref="FilmTrustMapping.Stars"/>). It adds only what is missing, so
/// a re-run adds nothing and an interrupted run finishes. Writes go in batches of <see cref="BatchSize"/>, each in its
/// own transaction; the rows themselves through <see cref="BulkInsert"/> (no change tracking), the change-log entries
/// and memberships through EF in the same transaction.
/// </summary>
public sealed class ImportFilmTrust(RapportDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int BatchSize = 5_000;

    private const string Bio = "Imported from the public FilmTrust dataset (G. Guo, J. Zhang, N. Yorke-Smith, IJCAI 2013). " +
        "Ratings and trust are real; names and film titles are not public. This member cannot sign in.";

    public async Task<FilmTrustImported> ExecuteAsync(FilmTrustData data, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var community = await CommunityAsync(cancellationToken);
            var (people, addedPeople) = await PeopleAsync(data, community, cancellationToken);
            var (items, addedItems) = await ItemsAsync(data, cancellationToken);
            var statements = await TrustAsync(data, people, cancellationToken);
            var recommendations = await RecommendationsAsync(data, people, items, cancellationToken);
            return new FilmTrustImported(addedPeople, statements, addedItems, recommendations);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task<Guid> CommunityAsync(CancellationToken cancellationToken)
    {
        if (await db.Communities.Where(c => c.Slug == FilmTrustMapping.CommunitySlug).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken) is { } id)
        {
            return id;
        }

        var now = clock.GetUtcNow();
        var community = new Community
        {
            Id = Guid.CreateVersion7(now),
            Slug = FilmTrustMapping.CommunitySlug,
            Name = FilmTrustMapping.CommunityName,
            Description = "The people, trust and film ratings of the public **FilmTrust** dataset, crawled in 2011 and published for research " +
                "(G. Guo, J. Zhang, N. Yorke-Smith: *A Novel Bayesian Similarity Measure for Recommender Systems*, IJCAI 2013). " +
                "Films are named by number because their titles are not public.",
            Norms = "Research data with attribution: cite the paper above when you use it.",
            MembershipMode = MembershipMode.Open,
            CreatedAt = now,
        };
        db.Communities.Add(community);
        await db.SaveChangesAsync(cancellationToken);
        return community.Id;
    }

    private async Task<(Dictionary<int, Guid> People, int Added)> PeopleAsync(FilmTrustData data, Guid communityId, CancellationToken cancellationToken)
    {
        var existing = await db.People.Where(p => p.Handle.StartsWith(FilmTrustMapping.HandlePrefix))
            .Select(p => new { p.Handle, p.Id }).ToDictionaryAsync(p => p.Handle, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var members = (await db.Memberships.Where(m => m.CommunityId == communityId).Select(m => m.PersonId).ToListAsync(cancellationToken)).ToHashSet();
        var people = new Dictionary<int, Guid>();
        var added = 0;
        foreach (var batch in data.Users.Order().Chunk(BatchSize))
        {
            var now = clock.GetUtcNow();
            var joins = new List<Membership>();
            var (accounts, newPeople) = (new List<Account>(), new List<Person>());
            foreach (var user in batch)
            {
                if (existing.TryGetValue(FilmTrustMapping.Handle(user), out var id))
                {
                    people[user] = id;
                }
                else
                {
                    var (account, person) = NewPerson(user, now);
                    accounts.Add(account);
                    newPeople.Add(person);
                    people[user] = person.Id;
                    added++;
                }

                if (!members.Contains(people[user]))
                {
                    joins.Add(new Membership { CommunityId = communityId, PersonId = people[user], Role = CommunityRole.Member, JoinedAt = now });
                }
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkInsert.WriteAsync(db, accounts, cancellationToken);
            await BulkInsert.WriteAsync(db, newPeople, cancellationToken);
            db.Memberships.AddRange(joins);
            await TrustChangeLog.AppendAsync(db, [.. joins.Select(j => new TrustChange
                { Kind = TrustChangeKind.Membership, PersonId = j.PersonId, CommunityId = communityId, At = now })], cancellationToken);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (people, added);
    }

    private (Account Account, Person Person) NewPerson(int user, DateTimeOffset now)
    {
        var email = $"{FilmTrustMapping.Handle(user)}@filmtrust.rapport.local";
        var account = new Account
        {
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
        };
        var person = new Person
        {
            Id = Guid.CreateVersion7(now),
            AccountId = account.Id,
            Handle = FilmTrustMapping.Handle(user),
            DisplayName = FilmTrustMapping.DisplayName(user),
            Bio = Bio,
            // They cannot answer: routing should not ask them.
            Availability = Availability.Away,
            JoinedAt = now,
        };
        return (account, person);
    }

    private async Task<(Dictionary<int, Guid> Items, int Added)> ItemsAsync(FilmTrustData data, CancellationToken cancellationToken)
    {
        var existing = await db.Items.Where(i => i.Title.StartsWith(FilmTrustMapping.TitlePrefix) && i.Topics.Any(t => t.Topic == FilmTrustMapping.Topic))
            .Select(i => new { i.Title, i.Id }).ToListAsync(cancellationToken);
        var byTitle = existing.GroupBy(i => i.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(i => i.Id), StringComparer.Ordinal);
        var items = new Dictionary<int, Guid>();
        var added = 0;
        foreach (var batch in data.Ratings.Select(r => r.Movie).Distinct().Order().Chunk(BatchSize))
        {
            var now = clock.GetUtcNow();
            var newItems = new List<Item>();
            foreach (var movie in batch)
            {
                if (byTitle.TryGetValue(FilmTrustMapping.Title(movie), out var id))
                {
                    items[movie] = id;
                    continue;
                }

                id = Guid.CreateVersion7(now);
                newItems.Add(new Item
                {
                    Id = id, Kind = ItemKind.Video, Title = FilmTrustMapping.Title(movie), CreatedAt = now,
                    Description = "A film rated in the FilmTrust dataset; its title is not public.",
                });
                items[movie] = id;
                added++;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkInsert.WriteAsync(db, newItems, cancellationToken);
            await BulkInsert.WriteAsync(db, newItems.Select(i => new ItemTopic { ItemId = i.Id, Topic = FilmTrustMapping.Topic }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (items, added);
    }

    /// <summary>All statements in one transaction: they share one stretch of the change log, in row order.</summary>
    private async Task<int> TrustAsync(FilmTrustData data, Dictionary<int, Guid> people, CancellationToken cancellationToken)
    {
        var ids = people.Values.ToHashSet();
        var existing = (await db.TrustStatements.Where(s => s.From!.Handle.StartsWith(FilmTrustMapping.HandlePrefix) && s.Topic == TrustStatement.GeneralTopic)
            .Select(s => new { s.FromId, s.ToId }).ToListAsync(cancellationToken)).Select(s => (s.FromId, s.ToId)).ToHashSet();
        var missing = data.Trust.Select(t => (From: people[t.Truster], To: people[t.Trustee])).Where(t => !existing.Contains(t)).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var first = await TrustChangeLog.AppendAsync(
            db, [.. missing.Select(t => TrustChangeLog.StatementChanged(t.From, t.To, TrustStatement.GeneralTopic, now))], cancellationToken);
        await SaveAsync(cancellationToken);
        var (statements, versions) = (new List<TrustStatement>(missing.Count), new List<TrustStatementVersion>(missing.Count));
        for (var i = 0; i < missing.Count; i++)
        {
            var statement = new TrustStatement
            {
                Id = Guid.CreateVersion7(now), FromId = missing[i].From, ToId = missing[i].To, Topic = TrustStatement.GeneralTopic,
                Value = FilmTrustMapping.TrustValue, Visibility = TrustVisibility.Public, CreatedAt = now, ChangedAt = now, Sequence = first + i,
            };
            statements.Add(statement);
            versions.Add(new TrustStatementVersion
            {
                Sequence = first + i, StatementId = statement.Id, AuthorId = statement.FromId, Event = TrustStatementEvent.Stated,
                Value = statement.Value, Visibility = statement.Visibility, At = now,
            });
        }

        await BulkInsert.WriteAsync(db, statements, cancellationToken);
        await BulkInsert.WriteAsync(db, versions, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return missing.Count;
    }

    private async Task<int> RecommendationsAsync(
        FilmTrustData data, Dictionary<int, Guid> people, Dictionary<int, Guid> items, CancellationToken cancellationToken)
    {
        var existing = (await db.Recommendations.Where(r => r.Person!.Handle.StartsWith(FilmTrustMapping.HandlePrefix))
            .Select(r => new { r.PersonId, r.ItemId }).ToListAsync(cancellationToken)).Select(r => (r.PersonId, r.ItemId)).ToHashSet();
        var added = 0;
        var missing = data.Ratings.Where(r => !existing.Contains((people[r.User], items[r.Movie])));
        foreach (var batch in missing.Chunk(BatchSize))
        {
            var now = clock.GetUtcNow();
            var (recommendations, versions) = (new List<Recommendation>(batch.Length), new List<RecommendationVersion>(batch.Length));
            foreach (var rating in batch)
            {
                var id = Guid.CreateVersion7(now);
                var stars = FilmTrustMapping.Stars(rating.Rating);
                recommendations.Add(new Recommendation
                {
                    Id = id, PersonId = people[rating.User], ItemId = items[rating.Movie], Rating = stars, Topic = FilmTrustMapping.Topic,
                    Visibility = TrustVisibility.Public, CreatedAt = now, ChangedAt = now,
                });
                versions.Add(new RecommendationVersion
                {
                    Id = Guid.CreateVersion7(now), RecommendationId = id, AuthorId = people[rating.User], Number = 1,
                    Event = TrustStatementEvent.Stated, Rating = stars, Topic = FilmTrustMapping.Topic, Visibility = TrustVisibility.Public, At = now,
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await BulkInsert.WriteAsync(db, recommendations, cancellationToken);
            await BulkInsert.WriteAsync(db, versions, cancellationToken);
            await RecommendationChangeLog.AppendAsync(db, batch.Select(r => people[r.User]), now, cancellationToken);
            await SaveAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            added += batch.Length;
        }

        return added;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
