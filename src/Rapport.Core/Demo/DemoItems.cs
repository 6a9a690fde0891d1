using Rapport.Core.Recommendations;

namespace Rapport.Core.Demo;

/// <summary>The shapes of demo items: a kind and a title pattern, filled in with a topic (and for services, a context).</summary>
internal static class DemoItems
{
    public static readonly (ItemKind Kind, string Title)[] Shapes =
    [
        (ItemKind.Book, "The {topic} handbook"),
        (ItemKind.Book, "Notes on {topic}, from the workshop floor"),
        (ItemKind.Video, "{Topic} in ten minutes"),
        (ItemKind.Video, "A day of {topic}: a walkthrough"),
        (ItemKind.Link, "A beginner's guide to {topic}"),
        (ItemKind.Service, "{Topic} help: {context}"),
        (ItemKind.Place, "The {topic} corner at the library"),
        (ItemKind.Product, "{Topic} starter kit"),
        (ItemKind.Thought, "Why {topic} belongs in every neighbourhood"),
    ];

    public static readonly string[] Descriptions =
    [
        "Short, practical and kind to beginners.",
        "What I wish I had read before starting out with {topic}.",
        "A good second step once the basics of {topic} feel easy.",
        "Local, friendly and **reasonably priced**.",
        "",
    ];

    public static readonly string[] Notes =
    [
        "I recommend it because it saved me a weekend of mistakes.",
        "Clear and honest about what {topic} takes.",
        "Used it with a group of beginners: *everyone* finished.",
        "The best introduction to {topic} I know.",
        "Not perfect, but the chapter on tools alone is worth it.",
        "Came back to it three times this year.",
    ];

    public static string Fill(string pattern, string topic, string context) => pattern
        .Replace("{Topic}", char.ToUpperInvariant(topic[0]) + topic[1..], StringComparison.Ordinal)
        .Replace("{topic}", topic, StringComparison.Ordinal)
        .Replace("{context}", context, StringComparison.Ordinal);
}
