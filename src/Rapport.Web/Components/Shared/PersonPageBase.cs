using Microsoft.AspNetCore.Components;
using Rapport.Web.Security;

namespace Rapport.Web.Components.Shared;

/// <summary>
/// What every page of a signed-in person does first (communities, trust): find the signed-in person, then load what the page shows. A page
/// that may not show something calls <see cref="ShowNotFound"/>, which answers exactly as a missing thing does.
/// </summary>
public abstract class PersonPageBase : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in person; null when the account has no profile yet.</summary>
    protected Guid? PersonId { get; private set; }

    protected Guid Me => PersonId ?? throw new InvalidOperationException("No profile.");

    public bool IsNotFound { get; private set; }

    public bool HasNoProfile => PersonId is null;

    /// <summary>
    /// False until loading has finished. Blazor renders once when loading first awaits; nothing may show
    /// then, or a page could render content it is about to deny.
    /// </summary>
    public bool IsLoaded { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnInitializedAsync()
    {
        PersonId = await Caller.FindPersonIdAsync(HttpContext, Aborted);
        if (PersonId is not null)
        {
            await LoadAsync();
        }

        IsLoaded = true;
    }

    /// <summary>Loads what the page shows, for <see cref="Me"/>. Runs on every request, before any form handler.</summary>
    protected abstract Task LoadAsync();

    /// <summary>
    /// Answers 404 with the site's not-found page, exactly as for an address that matches nothing. (In .NET 10
    /// a component that only sets the status code gets an empty body; NotFound renders the Router's page.)
    /// </summary>
    protected void ShowNotFound()
    {
        IsNotFound = true;
        Navigation.NotFound();
    }

    /// <summary>Post, redirect, get: after a change the browser reloads the page it should see.</summary>
    protected void RedirectTo(string url) => Navigation.NavigateTo(url);
}
