using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Core.Recommendations;
using Rapport.Core.Trust;

namespace Rapport.Core.Demo;

public sealed partial class DemoNetwork
{
    /// <summary>
    /// Four collections: a public starter list by someone the demo person trusts (followed by the demo person, who also
    /// forked it), a list shared with one of the demo person's communities (followed too), and a public list by someone
    /// else that others follow.
    /// </summary>
    private void AddCollections(Dictionary<Guid, List<Community>> communitiesOf)
    {
        var trusted = TrustStatements.Where(s => s.FromId == DemoPerson.Id && s.Value > 0 && s.Visibility == TrustVisibility.Public)
            .Select(s => People.First(p => p.Id == s.ToId)).ToList();
        var curator = trusted.Count > 0 ? trusted[0] : Generated.First();
        var topic = curator.Competences[0].Topic;
        var starter = NewCollection(curator, $"Where to start with {topic}", $"What I hand to people who ask me about {topic}.", null, ItemsOn(topic, curator));

        var shared = communitiesOf[DemoPerson.Id].First(c => c.Memberships.Any(m => m.PersonId != DemoPerson.Id));
        var member = shared.Memberships.Select(m => m.Person!).First(p => p != DemoPerson && p != curator);
        var circle = NewCollection(member, $"The {shared.Name} shelf", "Things our members keep lending each other.", shared,
            ItemsRecommendedBy(shared.Memberships.Select(m => m.PersonId).ToHashSet()));

        var other = Generated.Where(p => p != curator && p != member).OrderBy(_ => _random.Next()).First();
        var otherTopic = other.Competences[0].Topic;
        var favourites = NewCollection(other, $"My {otherTopic} favourites", "", null, ItemsOn(otherTopic, other));

        var fork = NewCollection(DemoPerson, $"My copy of: {starter.Title}", "Forked to add my own notes.", null,
            [.. starter.Entries.Select(e => (Items.First(i => i.Id == e.ItemId), "")),
                (Items.First(i => i.Id == Recommendations.First(r => r.PersonId == DemoPerson.Id).ItemId), "Mine: goes well with the rest.")]);
        fork.ForkedFromId = starter.Id;
        fork.CreatedAt = fork.ChangedAt = Max(fork.CreatedAt, starter.CreatedAt);

        Follow(starter, DemoPerson);
        Follow(circle, DemoPerson);
        foreach (var collection in new[] { starter, circle, favourites })
        {
            foreach (var follower in Generated.Where(p => p.Id != collection.OwnerId).OrderBy(_ => _random.Next()).Take(_random.Next(2, 9)))
            {
                Follow(collection, follower);
            }
        }
    }

    private List<(Item Item, string Note)> ItemsOn(string topic, Person owner)
    {
        var on = _itemsByTopic.TryGetValue(topic, out var items) ? items : [];
        return [.. on.Concat(Items.OrderBy(_ => _random.Next())).Distinct().Take(5)
            .Select(i => (i, _random.Next(2) == 0 ? $"{owner.DisplayName.Split(' ')[0]}: start here." : ""))];
    }

    private List<(Item Item, string Note)> ItemsRecommendedBy(HashSet<Guid> people) =>
        [.. Recommendations.Where(r => people.Contains(r.PersonId) && !r.IsRevoked && r.Visibility != TrustVisibility.Private)
            .Select(r => Items.First(i => i.Id == r.ItemId)).Distinct().Take(6).Select(i => (i, ""))];

    private Collection NewCollection(Person owner, string title, string description, Community? community, List<(Item Item, string Note)> entries)
    {
        var created = Between(Max(owner.JoinedAt, _now - TimeSpan.FromDays(90)), _now - TimeSpan.FromDays(7));
        var collection = new Collection
        {
            Id = Guid.CreateVersion7(created),
            OwnerId = owner.Id,
            Title = title,
            Description = description,
            Visibility = community is null ? TrustVisibility.Public : TrustVisibility.Community,
            CommunityId = community?.Id,
            CreatedAt = created,
            ChangedAt = created,
            Entries = [.. entries.Select((e, i) => new CollectionEntry { Id = Guid.CreateVersion7(created), ItemId = e.Item.Id, Position = i, Note = e.Note, AddedAt = created })],
        };
        Collections.Add(collection);
        return collection;
    }

    private void Follow(Collection collection, Person follower)
    {
        if (collection.OwnerId != follower.Id && collection.Follows.TrueForAll(f => f.PersonId != follower.Id))
        {
            collection.Follows.Add(new CollectionFollow { CollectionId = collection.Id, PersonId = follower.Id, At = Between(collection.CreatedAt, _now) });
        }
    }
}
