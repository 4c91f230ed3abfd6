using System.Globalization;

namespace Chorus.Cli;

/// <summary>
/// Progress of a long read on stderr, as plain lines: how many articles have been read and how fast, at most once
/// per interval, then one line per later step. A run that ends within the first interval prints nothing.
/// </summary>
internal sealed class ReadProgress(TextWriter error, string command, TimeSpan interval, Func<DateTime> now)
{
    private DateTime _started;
    private bool _shown;

    public ReadProgress(TextWriter error, string command) : this(error, command, TimeSpan.FromSeconds(5), () => DateTime.UtcNow)
    {
    }

    /// <summary>Passes the articles through, counting them; <paramref name="next"/> names what follows the read.</summary>
    public IEnumerable<T> Track<T>(IEnumerable<T> articles, string next)
    {
        _started = now();
        var last = _started;
        var count = 0;
        foreach (var article in articles)
        {
            count++;
            var at = now();
            if (at - last >= interval)
            {
                var rate = count / Math.Max(0.001, (at - _started).TotalSeconds);
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chorus {command}: {count:N0} articles read ({rate:N0}/s)"));
                last = at;
                _shown = true;
            }

            yield return article;
        }

        Step(string.Create(CultureInfo.InvariantCulture, $"{count:N0} articles read in {(now() - _started).TotalSeconds:N0} s; {next}"));
    }

    /// <summary>Names the next step of a run long enough to have shown progress.</summary>
    public void Step(string what)
    {
        if (_shown)
        {
            error.WriteLine($"chorus {command}: {what}");
        }
    }
}
