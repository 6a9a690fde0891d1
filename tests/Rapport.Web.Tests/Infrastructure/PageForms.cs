using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Rapport.Web.Tests.Infrastructure;

/// <summary>Fills and submits server-rendered forms the way a browser without JavaScript would.</summary>
public static class PageForms
{
    /// <summary>
    /// GETs <paramref name="url"/>, picks the form that has a field named after the first key of
    /// <paramref name="fields"/> (or the one whose Blazor form name is <paramref name="formName"/>), keeps its
    /// hidden inputs (antiforgery token, handler) and posts it with <paramref name="fields"/> filled in.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IReadOnlyDictionary<string, string> fields, string? formName = null)
    {
        var page = await client.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.IsSuccessStatusCode, $"GET {url} answered {(int)page.StatusCode}");
        var document = new HtmlParser().ParseDocument(html);
        var forms = document.Forms.ToList();
        var form = formName is not null
            ? forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            : forms.FirstOrDefault(f => fields.Keys.All(k => f.Elements[k] is not null));
        Assert.True(form is not null, $"No matching form on {url}");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !fields.ContainsKey(i.Name ?? "")))
        {
            values.Add(new(input.Name!, input.Value));
        }

        values.AddRange(fields);
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        if (!action.StartsWith('/') && !action.StartsWith("http", StringComparison.Ordinal))
        {
            action = "/" + action;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
