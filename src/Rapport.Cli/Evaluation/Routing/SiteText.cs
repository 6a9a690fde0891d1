using System.Net;
using System.Text;

namespace Rapport.Cli.Evaluation.Routing;

/// <summary>Plain text out of Stack Exchange fields: HTML bodies without their tags, and the <c>&lt;a&gt;&lt;b&gt;</c> tag lists.</summary>
internal static class SiteText
{
    /// <summary>Drops every tag (a tag becomes a space, so words on either side stay apart) and decodes entities.</summary>
    public static string FromHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = new StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (c == '<')
            {
                inTag = true;
                text.Append(' ');
            }
            else if (c == '>' && inTag)
            {
                inTag = false;
            }
            else if (!inTag)
            {
                text.Append(c);
            }
        }

        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary><c>&lt;quantum-gate&gt;&lt;qubit&gt;</c> → quantum-gate, qubit.</summary>
    public static string[] Tags(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(['<', '>'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
