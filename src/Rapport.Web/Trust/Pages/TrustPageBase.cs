using Microsoft.AspNetCore.Components;
using Rapport.Web.Security;

namespace Rapport.Web.Trust.Pages;

/// <summary>
/// What every trust page does first: find the signed-in person, then load what the page shows, before any form
/// handler runs. A statement the viewer may not see answers exactly as a missing one (<see cref="ShowNotFound"/>).
/// </summary>
public abstract class TrustPageBase : ComponentBase
{
    [CascadingParameter]
    public HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in person; null when the account has no profile yet.</summary>
    protected Guid? PersonId { get; private set; }

    protected Guid Me => PersonId ?? throw new InvalidOperationException("No profile.");

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>False until loading has finished, so nothing shows before the page knows what it may show.</summary>
    public bool IsLoaded { get; private set; }

    public bool IsNotFound { get; private set; }

    public bool HasNoProfile => PersonId is null;

    protected override async Task OnInitializedAsync()
    {
        PersonId = await Caller.FindPersonIdAsync(HttpContext, Aborted);
        if (PersonId is not null)
        {
            await LoadAsync();
        }

        IsLoaded = true;
    }

    protected abstract Task LoadAsync();

    protected void ShowNotFound()
    {
        IsNotFound = true;
        Navigation.NotFound();
    }
}
