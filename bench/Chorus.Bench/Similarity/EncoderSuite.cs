using System.Diagnostics;
using System.Globalization;

namespace Chorus.Bench.Similarity;

/// <summary>
/// ./bench.sh encoder [--sentences N]: the MiniLM encoder's rate and memory on the sentences of
/// ../shared/bench/events, in batches as the conflict training encodes them, on one thread.
/// </summary>
internal static class EncoderSuite
{
    public static int Run(string[] args)
    {
        if (Extraction.BenchData.Path("events") is not { } root)
        {
            Console.WriteLine("encoder: ../shared/bench/events is absent; skipping.");
            return 0;
        }

        var wanted = Array.IndexOf(args, "--sentences") is var i && i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 2000;
        var sentences = Facts.EventsSuite.AnalyzedEvents(root)
            .SelectMany(e => e.Articles.SelectMany(a => a.Sentences.Select(s => s.Span.Of(a.Text))))
            .Take(wanted)
            .ToList();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var load = Stopwatch.StartNew();
        using var encoder = new MiniLmEncoder();
        load.Stop();
        encoder.Encode(sentences.Take(32).ToList());
        var run = Stopwatch.StartNew();
        var vectors = encoder.Encode(sentences);
        run.Stop();
        var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"MiniLM (all-MiniLM-L6-v2, ONNX Runtime, one thread): model loaded in {load.ElapsedMilliseconds} ms; {vectors.Length} sentences " +
            $"(mean {sentences.Average(s => s.Length):0} chars) in {run.Elapsed.TotalSeconds:0.0} s = {vectors.Length / run.Elapsed.TotalSeconds:0} sentences/s; " +
            $"working set {before / 1048576} MB before the model, {process.WorkingSet64 / 1048576} MB after, peak {process.PeakWorkingSet64 / 1048576} MB"));
        return 0;
    }
}
