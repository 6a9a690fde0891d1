namespace Rapport.Trust.Scoring;

/// <summary>
/// A few reusable workspaces, so steady-state queries allocate nothing and memory stays bounded by concurrency rather
/// than by the number of threads that ever ran a query. Lock-free: a rent takes any filled slot, a return fills any empty
/// one; a workspace that finds no empty slot is left to the GC.
/// </summary>
internal static class WorkspacePool<T>
    where T : class, new()
{
    private static readonly T?[] Slots = new T?[Math.Max(4, 2 * Environment.ProcessorCount)];

    internal static T Rent()
    {
        for (var i = 0; i < Slots.Length; i++)
        {
            var workspace = Interlocked.Exchange(ref Slots[i], null);
            if (workspace is not null)
            {
                return workspace;
            }
        }

        return new T();
    }

    internal static void Return(T workspace)
    {
        for (var i = 0; i < Slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref Slots[i], workspace, null) is null)
            {
                return;
            }
        }
    }
}
