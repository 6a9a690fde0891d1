using Rapport.Core.Communities;

namespace Rapport.Core.Demo;

/// <summary>
/// One of the five demo communities: who it gathers (by field), how it introduces itself, and the demo person's
/// role in it (none where <see cref="DemoRole"/> is null).
/// </summary>
internal sealed record DemoCommunity(
    string Slug, string Name, MembershipMode Mode, Field[] Fields, string Description, string Norms, string[] Questions,
    CommunityRole? DemoRole = null);

internal static class DemoCommunities
{
    public static readonly DemoCommunity[] All =
    [
        new("harbourside-makers", "Harbourside Makers", MembershipMode.Open, [Field.Crafts, Field.LocalServices, Field.Sea],
            """
            A shared workshop by the old harbour, and the people who use it. We fix bikes, boats, chairs and radios,
            and teach each other how.

            **Open evenings** are Tuesdays and Thursdays from 17:00; the tool library is open whenever a host is in.
            """,
            """
            - Leave every tool cleaner than you found it.
            - Ask before you use someone's project space.
            - Safety first: no grinders or welding without a second person in the room.
            - Nobody is too new to ask. Nobody is too experienced to be asked.
            """,
            []),
        new("open-source-neighbours", "Open Source Neighbours", MembershipMode.Open, [Field.Software, Field.Education, Field.Research],
            """
            People who write software and want it to be useful close to home: websites for the local food bank,
            self-hosted tools for associations, code clubs at the library.

            We meet monthly, and pair up whenever someone asks for help here.
            """,
            """
            1. Be kind in code review; critique the code, never the person.
            2. Credit the people whose work you build on.
            3. No recruiting spam. Job posts go in the monthly thread.
            """,
            [],
            CommunityRole.Member),
        new("good-food-collective", "Good Food Collective", MembershipMode.Open, [Field.Food, Field.CivicLife, Field.Health],
            """
            Bakers, growers, fermenters and cooks sharing a community kitchen, allotment plots and a lot of jars.
            We run a **weekly surplus meal** that feeds around 80 neighbours.

            Sign-up sheets for kitchen shifts are pinned at the [community centre](https://example.org/kitchen).
            """,
            """
            - Label everything you leave in the shared fridge with your name and the date.
            - Allergens are serious: list them on every dish you bring.
            - Share surplus before it spoils; ask here first, compost second.
            """,
            [],
            CommunityRole.Member),
        new("care-circle", "Care Circle", MembershipMode.ByApplication, [Field.Health, Field.Education, Field.CivicLife],
            """
            A peer network of carers, nurses, teachers and volunteers who back each other up: a second opinion,
            a night shift covered, someone to talk to after a hard week.

            Because members share personal situations here, we admit people **by application**. The hosts read every
            application within a week.
            """,
            """
            - What is shared in the circle stays in the circle.
            - We support; we do not diagnose. Point people to professional help when it is needed.
            - Say no freely: everyone sets their own attention budget, and nobody owes anyone an answer.
            - Hosts may remove anyone who breaks confidentiality.
            """,
            [
                "What would you like to offer the circle, and what do you hope to find here?",
                "Have you done care or support work before, paid or unpaid? Tell us a little about it.",
                "The circle is confidential. Can you commit to keeping what is shared here private?",
            ],
            CommunityRole.Host),
        new("civic-research-lab", "Civic Research Lab", MembershipMode.ByInvitation, [Field.Research, Field.CivicLife, Field.Software],
            """
            Researchers, data people and organisers working on questions the city actually asks: where the buses
            should run, which streets flood, who the housing market leaves out.

            Membership is by invitation from a current member, because members get access to pre-publication data.
            """,
            """
            - Pre-publication data never leaves the lab without its owner's consent.
            - Publish methods with results, so anyone can check them.
            - Disagree with the evidence, not the person.
            """,
            []),
    ];
}
