using System.Runtime.InteropServices;

namespace Rapport.Benchmarks.Trust;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID), so latency percentiles on a shared, overloaded
/// machine count the query's own work and not the time it waited for a core. Elsewhere it reports 0 (unavailable).
/// </summary>
internal static class ThreadClock
{
    private const int ThreadCpuTime = 3;

    internal static readonly bool Available = OperatingSystem.IsLinux();

    /// <summary>Thread CPU time in nanoseconds.</summary>
    internal static long Nanoseconds()
    {
        if (!Available)
        {
            return 0;
        }

        ClockGetTime(ThreadCpuTime, out var time);
        return (time.Seconds * 1_000_000_000) + time.Nanoseconds;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code for this one call.
#pragma warning disable SYSLIB1054, CA5392
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
#pragma warning restore SYSLIB1054, CA5392

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
