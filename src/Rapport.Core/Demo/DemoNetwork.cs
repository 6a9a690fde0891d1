using Rapport.Core.Accounts;
using Rapport.Core.Communities;
using Rapport.Core.People;
using Rapport.Trust.Topics;

namespace Rapport.Core.Demo;

/// <summary>
/// The demo network built in memory: accounts, people with competences and bios, communities with hosts and
/// members, pending applications, trust statements, items, recommendations and collections, problems with their dialogue. The same seed gives the same names, handles, bios, competences, memberships and statements;
/// identifiers and dates are fresh (dates fall in the two years before <c>now</c>).
/// </summary>
public sealed partial class DemoNetwork
{
    public const int DefaultSeed = 20_240_601;
    public const int GeneratedPeople = 240;
    public const string DemoHandle = "demo";
    public const string DemoEmail = "demo@rapport.local";

    private static readonly TimeSpan History = TimeSpan.FromDays(730);

    private static readonly string[] Neighbourhoods =
        ["Kallio", "Vallila", "Kalasatama", "Töölö", "Punavuori", "Herttoniemi", "Pasila", "Lauttasaari", "Arabianranta", "Vuosaari", "Kontula"];

    private static readonly string[] Cities =
        ["Espoo", "Vantaa", "Tampere", "Turku", "Tallinn", "Stockholm", "Lisbon", "Glasgow", "Lagos", "Nairobi", "Pune", "Montréal"];

    private readonly Random _random;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Person, (Field Primary, Field? Secondary)> _fields = [];

    private DemoNetwork(int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        _now = now;
    }

    /// <summary>The account the printed demo login signs in to (no password yet: the seeder sets it).</summary>
    public Account DemoAccount { get; private set; } = null!;

    public Person DemoPerson { get; private set; } = null!;

    /// <summary>Every account, the demo account first. Only the demo account will have a password.</summary>
    public List<Account> Accounts { get; } = [];

    /// <summary>Every person, the demo person first.</summary>
    public List<Person> People { get; } = [];

    /// <summary>The communities with their questions and memberships.</summary>
    public List<Community> Communities { get; } = [];

    public List<MembershipApplication> Applications { get; } = [];

    public static DemoNetwork Generate(int seed, DateTimeOffset now)
    {
        var network = new DemoNetwork(seed, now);
        network.AddDemoPerson();
        var taken = new HashSet<string>(StringComparer.Ordinal) { DemoHandle };
        for (var i = 0; i < GeneratedPeople; i++)
        {
            network.AddPerson(taken);
        }

        network.AddCommunities();
        network.AddTrust();
        network.AddRecommendations();
        network.AddProblems();
        return network;
    }

    private void AddDemoPerson()
    {
        var joined = _now - History;
        DemoAccount = NewAccount(DemoEmail, joined);
        DemoPerson = new Person
        {
            Id = Guid.CreateVersion7(joined),
            AccountId = DemoAccount.Id,
            Handle = DemoHandle,
            DisplayName = "Demo User",
            Bio = """
                This is the **demo account**. You host the *Care Circle*, so its pending applications wait for your
                decision, and you belong to the Good Food Collective and Open Source Neighbours.

                Look around the directory: everyone else here is made up, with names, skills and bios generated for the demo.
                """,
            Availability = Availability.Available,
            AttentionBudget = 5,
            JoinedAt = joined,
            Competences =
            [
                new() { Topic = "community organizing", Context = "tenant associations" },
                new() { Topic = "first aid", Context = "Red Cross volunteer" },
                new() { Topic = "sourdough", Context = "community bakery" },
                new() { Topic = "python" },
            ],
        };
        Accounts.Add(DemoAccount);
        People.Add(DemoPerson);
        _fields[DemoPerson] = (Field.CivicLife, Field.Health);
    }

    private void AddPerson(HashSet<string> taken)
    {
        var (given, family) = DemoNames.Pick(_random);
        var handle = DemoHandles.Derive(given, family, _random, taken);
        var primary = DemoTopics.Fields[_random.Next(DemoTopics.Fields.Length)];
        Field? secondary = _random.Next(5) < 2 ? DemoTopics.Fields[_random.Next(DemoTopics.Fields.Length)] : null;
        var joined = _now - TimeSpan.FromMinutes(_random.Next((int)History.TotalMinutes));
        var account = NewAccount($"{handle}@people.rapport.local", joined);
        var person = new Person
        {
            Id = Guid.CreateVersion7(joined),
            AccountId = account.Id,
            Handle = handle,
            DisplayName = $"{given} {family}",
            Availability = _random.Next(20) switch { < 12 => Availability.Available, < 17 => Availability.Busy, _ => Availability.Away },
            AttentionBudget = _random.Next(1, 21),
            JoinedAt = joined,
            Competences = Competences(primary, secondary ?? primary),
        };
        var place = _random.Next(5) < 3 ? $"{Neighbourhoods[_random.Next(Neighbourhoods.Length)]}, Helsinki" : Cities[_random.Next(Cities.Length)];
        person.Bio = DemoBios.Compose(_random, given, handle, place, primary, person.Competences);
        Accounts.Add(account);
        People.Add(person);
        _fields[person] = (primary, secondary);
    }

    /// <summary>1–6 distinct topics, mostly from the person's own fields, some with a context.</summary>
    private List<Competence> Competences(Field primary, Field secondary)
    {
        var count = _random.Next(1, 7);
        var chosen = new List<Competence>(count);
        while (chosen.Count < count)
        {
            var roll = _random.Next(10);
            var pool = roll < 6 ? DemoTopics.In(primary) : roll < 9 ? DemoTopics.In(secondary) : DemoTopics.All;
            var topic = pool[_random.Next(pool.Length)];
            var name = Topic.Normalize(topic.Name)!;
            if (chosen.Exists(c => c.Topic == name))
            {
                continue;
            }

            var context = topic.Contexts.Length > 0 && _random.Next(20) < 9 ? topic.Contexts[_random.Next(topic.Contexts.Length)] : null;
            chosen.Add(new Competence { Topic = name, Context = context });
        }

        return chosen;
    }

    private static Account NewAccount(string email, DateTimeOffset created) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        LockoutEnabled = true,
        CreatedAt = created,
    };
}
