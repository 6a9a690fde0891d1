using CsCheck;
using Rapport.Core.Markdown;

namespace Rapport.Core.Tests.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "avascript:")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<a href=\"https://e.example\" onclick=\"x()\">a</a>", "onclick")]
    [InlineData("![t](https://e.example/x.png \"t\")", "<img")]
    [InlineData("<iframe src=\"https://e.example\"></iframe>", "<iframe")]
    [InlineData("<style>body{}</style>", "<style")]
    public void ToSafeHtml_DropsActiveContent(string markdown, string forbidden)
    {
        var html = Renderer.ToSafeHtml(markdown);

        AssertInert(html);
        // Whatever is left of the attack is text, escaped: never markup.
        Assert.DoesNotContain(forbidden, Markup(html), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToSafeHtml_KeepsOrdinaryFormatting()
    {
        var html = Renderer.ToSafeHtml("**Pilot** in *Helsinki*.\n\n- charts\n- tides\n\n[site](https://harbour.example)");

        Assert.Contains("<strong>Pilot</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>Helsinki</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>charts</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://harbour.example\"", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"nofollow noopener noreferrer ugc\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToSafeHtml_OnEmpty_IsEmpty() => Assert.Equal("", Renderer.ToSafeHtml("  \n "));

    // Fuzz (QUALITY.md): generated, often malformed Markdown and HTML, up to the longest bio a person can
    // store, never throws and never yields active content. (Its cost is measured in bench/, not timed here.)
    [Fact]
    public void ToSafeHtml_OnGeneratedInput_NeverThrowsOrYieldsActiveContent()
    {
        var pieces = Gen.OneOf(
            "<", ">", "<script>", "</script>", "<img src=x onerror=", "javascript:", "[", "](", ")", "**", "*", "_", "`", "```",
            "\n", "\n\n", "# ", "> ", "- ", "1. ", "|", "---", "<a href=\"", "\"", "'", "&", "&#106;avascript:", "\\", "!", "http://",
            "<!--", "-->", "<svg onload=", "\u0000", "\u202e", "é", "𝔘", " ");
        var documents = Gen.OneOf(pieces.Array[0, 600].Select(parts => string.Concat(parts)), Gen.String[0, 4000]);

        documents.Sample(markdown =>
        {
            AssertInert(Renderer.ToSafeHtml(markdown));
        }, iter: 1_000);
    }

    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "em", "strong", "del", "ins", "mark", "sub", "sup", "code", "pre", "blockquote",
        "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
    };

    /// <summary>Parsed as a browser would: only allow-listed elements, only href/title/rel, only http(s)/mailto links.</summary>
    private static void AssertInert(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, AllowedTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.Contains(attribute.Name, (string[])["href", "title", "rel"]);
            }

            if (element.GetAttribute("href") is { } href)
            {
                // Absolute links are http(s) or mailto; anything else is a path on this site (no scheme at all).
                var scheme = href.Trim().Split('/', '?', '#')[0];
                Assert.True(!scheme.Contains(':', StringComparison.Ordinal) || scheme is "http:" or "https:" || scheme.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase),
                    $"href=\"{href}\"");
            }
        }
    }

    /// <summary>The tags and attributes of <paramref name="html"/> without its text.</summary>
    private static string Markup(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        return string.Join(" ", document.Body!.QuerySelectorAll("*")
            .Select(e => e.LocalName + " " + string.Join(" ", e.Attributes.Select(a => $"{a.Name}={a.Value}"))));
    }
}
