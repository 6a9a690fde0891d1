using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;
using Rapport.Trust.Topics;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    /// <summary>Items of every kind, one to two per topic of the vocabulary, with their topics.</summary>
    public List<Item> Items { get; } = [];

    /// <summary>Recommendations with their history (<see cref="Recommendation.Versions"/>, numbered from 1).</summary>
    public List<Recommendation> Recommendations { get; } = [];

    /// <summary>Collections with their entries and followers; one is the demo person's fork of another.</summary>
    public List<Collection> Collections { get; } = [];

    private readonly Dictionary<string, List<Item>> _itemsByTopic = new(StringComparer.Ordinal);

    /// <summary>
    /// People recommend items on their own competences, mostly in public, some to a community, some privately; a few
    /// changed their mind later and a few took it back. Everyone the demo person trusts recommends at least three
    /// things, so the demo feed is full from the first sign-in.
    /// </summary>
    private void AddRecommendations()
    {
        AddItems();
        var communitiesOf = CommunitiesOf();
        var trustedByDemo = TrustStatements.Where(s => s.FromId == DemoPerson.Id && s.Value > 0).Select(s => s.ToId).ToHashSet();
        foreach (var person in People)
        {
            var count = person == DemoPerson ? 8
                : trustedByDemo.Contains(person.Id) ? _random.Next(3, 8)
                : _random.Next(10) == 0 ? 0 : _random.Next(1, 7);
            var chosen = new HashSet<Item>();
            for (var attempt = 0; chosen.Count < count && attempt < count * 5; attempt++)
            {
                var item = PickItem(person);
                if (chosen.Add(item))
                {
                    Recommend(person, item, communitiesOf[person.Id]);
                }
            }
        }

        AddCollections(communitiesOf);
    }

    private void AddItems()
    {
        foreach (var topic in DemoTopics.All)
        {
            var name = Topic.Normalize(topic.Name)!;
            var shapes = DemoItems.Shapes.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3));
            foreach (var (kind, pattern) in shapes)
            {
                var context = topic.Contexts.Length > 0 ? topic.Contexts[_random.Next(topic.Contexts.Length)] : "Helsinki";
                var created = Between(_now - History, _now - TimeSpan.FromDays(30));
                var related = DemoTopics.In(topic.Field)[_random.Next(DemoTopics.In(topic.Field).Length)];
                var id = Guid.CreateVersion7(created);
                var item = new Item
                {
                    Id = id,
                    Kind = kind,
                    Title = DemoItems.Fill(pattern, name, context),
                    Description = DemoItems.Fill(DemoItems.Descriptions[_random.Next(DemoItems.Descriptions.Length)], name, context),
                    Url = kind is ItemKind.Link or ItemKind.Video ? CanonicalUrl.Canonicalize($"https://example.org/{kind.ToString().ToLowerInvariant()}/{id:N}") : null,
                    CreatedAt = created,
                    Topics = [.. new[] { name, Topic.Normalize(related.Name)! }.Distinct().Select(t => new ItemTopic { ItemId = id, Topic = t })],
                };
                Items.Add(item);
                foreach (var t in item.Topics)
                {
                    (_itemsByTopic.TryGetValue(t.Topic, out var list) ? list : _itemsByTopic[t.Topic] = []).Add(item);
                }
            }
        }
    }

    private Item PickItem(Person person)
    {
        var own = person.Competences.Select(c => c.Topic).Where(_itemsByTopic.ContainsKey).ToList();
        if (own.Count > 0 && _random.Next(10) < 7)
        {
            var items = _itemsByTopic[own[_random.Next(own.Count)]];
            return items[_random.Next(items.Count)];
        }

        return Items[_random.Next(Items.Count)];
    }

    private void Recommend(Person person, Item item, List<Community> communities)
    {
        int? rating = _random.Next(4) == 0 ? null : _random.Next(100) switch { < 35 => 5, < 70 => 4, < 88 => 3, < 96 => 2, _ => 1 };
        var topic = _random.Next(2) == 0 ? item.Topics[0].Topic : Recommendation.NoTopic;
        var roll = _random.Next(100);
        var (visibility, community) = roll < 10 ? (TrustVisibility.Private, (Community?)null)
            : roll < 25 && communities.Count > 0 ? (TrustVisibility.Community, communities[_random.Next(communities.Count)])
            : (TrustVisibility.Public, null);
        var note = _random.Next(2) == 0 ? DemoItems.Fill(DemoItems.Notes[_random.Next(DemoItems.Notes.Length)], item.Topics[0].Topic, "") : "";
        var made = Between(Max(person.JoinedAt, item.CreatedAt), _now);
        var recommendation = new Recommendation
        {
            Id = Guid.CreateVersion7(made),
            PersonId = person.Id,
            ItemId = item.Id,
            Rating = rating,
            Note = note,
            Topic = topic,
            Visibility = visibility,
            CommunityId = community?.Id,
            CreatedAt = made,
            ChangedAt = made,
        };
        var history = _random.Next(100);
        if (history < 15 || (person == DemoPerson && Recommendations.Count(r => r.PersonId == person.Id) == 0))
        {
            // First a different rating (or an endorsement), changed later.
            var earlier = rating is { } r ? Math.Clamp(r + (r >= 3 ? -1 : 1), Recommendation.MinRating, Recommendation.MaxRating) : 4;
            recommendation.Versions.Add(Version(recommendation, TrustStatementEvent.Stated, earlier, made));
            recommendation.ChangedAt = Between(made, _now);
            recommendation.Versions.Add(Version(recommendation, TrustStatementEvent.Changed, rating, recommendation.ChangedAt));
        }
        else
        {
            recommendation.Versions.Add(Version(recommendation, TrustStatementEvent.Stated, rating, made));
            if (history < 19 && person != DemoPerson)
            {
                recommendation.RevokedAt = recommendation.ChangedAt = Between(made, _now);
                recommendation.Versions.Add(Version(recommendation, TrustStatementEvent.Revoked, rating, recommendation.ChangedAt));
            }
        }

        Recommendations.Add(recommendation);
    }

    private static RecommendationVersion Version(Recommendation recommendation, TrustStatementEvent happened, int? rating, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        RecommendationId = recommendation.Id,
        AuthorId = recommendation.PersonId,
        Number = recommendation.Versions.Count + 1,
        Event = happened,
        Rating = rating,
        Note = recommendation.Note,
        Topic = recommendation.Topic,
        Visibility = recommendation.Visibility,
        CommunityId = recommendation.CommunityId,
        At = at,
    };

    private Dictionary<Guid, List<Community>> CommunitiesOf()
    {
        var communitiesOf = People.ToDictionary(p => p.Id, _ => new List<Community>());
        foreach (var community in Communities)
        {
            foreach (var membership in community.Memberships)
            {
                communitiesOf[membership.PersonId].Add(community);
            }
        }

        return communitiesOf;
    }
}
