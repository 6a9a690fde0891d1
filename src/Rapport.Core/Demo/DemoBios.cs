using System.Text;
using Rapport.Core.People;

namespace Rapport.Core.Demo;

/// <summary>
/// Composes a Markdown bio from sentence templates: what the person does and where, what they care about,
/// how to reach them; sometimes a list of things they help with or a link.
/// </summary>
internal static class DemoBios
{
    private static readonly string[] Openers =
    [
        "I've been doing {t0} for {years} years, mostly around {place}.",
        "Based in {place}. My days are mostly {t0}{c0}.",
        "{T0} is my trade and my hobby: {years} years in and still learning.",
        "I moved to {place} {years} years ago and have done {t0} ever since.",
        "By day I work in {work}; in the evenings it's {t1}.",
        "Hi! I'm {given}. I do {t0} in {place}, and some {t1} on the side.",
        "I work in {work} in {place}. Mostly {t0}, with a soft spot for {t1}.",
    ];

    private static readonly string[] Closers =
    [
        "Ask me about {t0}; I answer most messages within a few days.",
        "Happy to help with {t0} or {t1}. If I'm busy I'll say so.",
        "Message me if you're stuck with {t0}. Coffee is on me if we meet.",
        "Currently learning {learning}, slowly, and *very* happy to swap lessons.",
        "I'd love to learn {learning} from someone patient.",
        "**Tip:** ask early. I help best before things are on fire.",
    ];

    private static readonly string[] Learnable =
        ["sourdough", "sailing", "ceramics", "Python", "sea kayaking", "knitting", "Finnish", "bicycle repair", "beekeeping", "statistics", "welding", "the guitar"];

    private static readonly Dictionary<Field, (string Work, string[] Cares)> ByField = new()
    {
        [Field.Crafts] = ("a shared workshop", ["making repair the normal thing to do", "tools that outlive their owners", "teaching people to fix their own things"]),
        [Field.Software] = ("software", ["software that runs on old phones", "privacy by default", "documentation a beginner can follow", "websites that work with a screen reader"]),
        [Field.Health] = ("health care", ["care that doesn't end at the clinic door", "nobody falling through the gaps between services", "talking about mental health without whispering"]),
        [Field.Food] = ("a kitchen", ["kitchens that feed the whole street", "knowing where food comes from", "wasting less of it"]),
        [Field.Education] = ("education", ["patient, unhurried teaching", "every kid having a quiet place to do homework", "learning as an adult without embarrassment"]),
        [Field.LocalServices] = ("my own small business", ["fair prices and honest quotes", "helping newcomers with paperwork", "keeping skills in the neighbourhood"]),
        [Field.Research] = ("a university research group", ["open data ordinary people can use", "research that answers the questions a neighbourhood actually asks", "methods others can repeat"]),
        [Field.CivicLife] = ("a neighbourhood association", ["meetings that end on time, with decisions", "everyone getting a say, not just the loudest", "a street where people know their neighbours"]),
        [Field.Sea] = ("the harbour", ["clean, safe water", "getting more people out on the sea", "the health of the Baltic"]),
    };

    private static readonly string[] CareTemplates =
    [
        "I care about {care}.",
        "What keeps me going: {care}.",
        "Things I care about: {care}, and {care2}.",
    ];

    public static string Compose(Random random, string given, string handle, string place, Field field, IReadOnlyList<Competence> competences)
    {
        var (work, cares) = ByField[field];
        var care = random.Next(cares.Length);
        var first = competences[0];
        var second = competences.Count > 1 ? competences[1].Topic : DemoTopics.All[random.Next(DemoTopics.All.Length)].Name;
        string Fill(string template) => template
            .Replace("{T0}", char.ToUpperInvariant(first.Topic[0]) + first.Topic[1..], StringComparison.Ordinal)
            .Replace("{t0}", first.Topic, StringComparison.Ordinal)
            .Replace("{c0}", first.Context is null ? "" : $" ({first.Context})", StringComparison.Ordinal)
            .Replace("{t1}", second, StringComparison.Ordinal)
            .Replace("{given}", given, StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal)
            .Replace("{work}", work, StringComparison.Ordinal)
            .Replace("{years}", random.Next(2, 26).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{learning}", Learnable[random.Next(Learnable.Length)], StringComparison.Ordinal)
            .Replace("{care}", cares[care], StringComparison.Ordinal)
            .Replace("{care2}", cares[(care + 1) % cares.Length], StringComparison.Ordinal);

        var bio = new StringBuilder(Fill(Pick(random, Openers)));
        if (random.Next(4) > 0)
        {
            bio.Append(' ').Append(Fill(Pick(random, CareTemplates)));
        }

        if (competences.Count > 2 && random.Next(4) == 0)
        {
            bio.Append("\n\nThings I can help with:\n");
            foreach (var competence in competences)
            {
                bio.Append("\n- ").Append(competence.Context is null ? competence.Topic : $"{competence.Topic} ({competence.Context})");
            }
        }

        bio.Append("\n\n").Append(Fill(Pick(random, Closers)));
        if (random.Next(5) == 0)
        {
            bio.Append(random.Next(2) == 0
                ? $" Notes and photos at [example.org/{handle}](https://example.org/{handle})."
                : $" Recent work: <https://example.net/{handle}/work>");
        }

        return bio.ToString();
    }

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];
}
