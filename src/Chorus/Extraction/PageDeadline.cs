using System.Diagnostics;

namespace Chorus.Extraction;

/// <summary>A page took longer than the time allowed for one page.</summary>
public sealed class PageTimeoutException(TimeSpan limit) : Exception($"extraction took longer than the limit of {limit.TotalSeconds:0.###} s per page")
{
}

/// <summary>
/// The time allowed for the page being extracted on this thread. Long loops (the HTML tree builder) call
/// <see cref="Check"/>, so a hostile page is given up with its reason instead of holding the batch.
/// </summary>
public static class PageDeadline
{
    [ThreadStatic]
    private static long t_deadline;

    [ThreadStatic]
    private static TimeSpan t_limit;

    /// <summary>Starts the clock for one page; disposing the scope stops it.</summary>
    public static Scope Start(TimeSpan limit)
    {
        t_limit = limit;
        t_deadline = limit == Timeout.InfiniteTimeSpan ? 0 : Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        return default;
    }

    /// <summary>Throws <see cref="PageTimeoutException"/> when the current page's time is up.</summary>
    public static void Check()
    {
        if (t_deadline != 0 && Stopwatch.GetTimestamp() > t_deadline)
        {
            throw new PageTimeoutException(t_limit);
        }
    }

    public readonly struct Scope : IDisposable
    {
        public void Dispose() => t_deadline = 0;
    }
}
