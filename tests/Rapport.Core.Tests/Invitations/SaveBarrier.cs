using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rapport.Core.Persistence;

namespace Rapport.Core.Tests.Invitations;

/// <summary>
/// Holds every save until <paramref name="parties"/> contexts are saving at once, then lets them all through: two
/// requests that both passed their checks then save together — the race a unique index settles, made certain instead of
/// likely. It runs before the provider's own interceptors (SQLite's write gate still serializes the writes themselves).
/// </summary>
public sealed class SaveBarrier(int parties) : SaveChangesInterceptor
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _arrived) >= parties)
        {
            _all.TrySetResult();
        }

        await _all.Task.WaitAsync(Patience, cancellationToken);
        return result;
    }

    /// <summary>A context like the host's, with this barrier first among its interceptors.</summary>
    public RapportDbContext CreateContext(DatabaseSettings settings)
    {
        var identity = new ServiceCollection();
        identity.Configure<IdentityOptions>(options => options.Stores.SchemaVersion = DatabaseRegistration.IdentitySchema);
        var options = new DbContextOptionsBuilder<RapportDbContext>().UseApplicationServiceProvider(identity.BuildServiceProvider()).AddInterceptors(this);
        DatabaseRegistration.Configure(options, settings);
        return new RapportDbContext(options.Options);
    }
}
