using System.Text.RegularExpressions;

namespace Chorus.Extraction;

/// <summary>What a page says about access to its text.</summary>
internal sealed record AccessSignals(bool DeclaredNotFree, bool HasPaywallMarkup, int? DeclaredWordCount);

/// <summary>
/// Flags pages whose visible text is a subscription or cookie prompt, or a teaser cut off before the end,
/// so that a wall's marketing copy is never passed off as the article. Returns the diagnostics to attach
/// and the text with the wall's prompt lines removed.
/// </summary>
internal static partial class AccessWallDetector
{
    /// <param name="source">The input, for the diagnostics.</param>
    /// <param name="text">The extracted text, chrome removed.</param>
    /// <param name="blocks">The blocks of the article's container before chrome removal, where prompts still show.</param>
    /// <param name="signals">What the page's markup says about access.</param>
    public static (string Text, List<Diagnostic> Diagnostics) Check(string source, string text, IReadOnlyList<string> blocks, AccessSignals signals)
    {
        var diagnostics = new List<Diagnostic>();
        var walls = blocks.Where(IsWall).ToList();
        if (walls.Count == 0 && !signals.DeclaredNotFree && !signals.HasPaywallMarkup)
        {
            return (text, diagnostics);
        }

        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        var words = Chorus.Text.Tokenizer.CountWords(text);
        var kept = paragraphs.Where(p => !IsWall(p)).ToList();
        var keptWords = kept.Sum(p => Chorus.Text.Tokenizer.CountWords(p));

        if (walls.Count > 0 && keptWords < 40)
        {
            var kind = walls.Any(p => ConsentPrompt().IsMatch(p)) && !walls.Any(p => SubscriptionPrompt().IsMatch(p)) ? "consent wall" : "paywall";
            diagnostics.Add(Diagnostic.Warning(source, $"{kind}: the page's visible text is an access prompt, not the article"));
        }
        else if (signals.DeclaredNotFree || signals.HasPaywallMarkup || walls.Count > 0)
        {
            var cut = text.Length > 0 && (text.TrimEnd().EndsWith("...", StringComparison.Ordinal) || text.TrimEnd().EndsWith('…'));
            var short_ = signals.DeclaredWordCount is { } declared && declared > 0 && words < declared * 0.6;
            if (cut || short_ || walls.Count > 0)
            {
                var why = short_ ? $"{words} of {signals.DeclaredWordCount} declared words" : cut ? "the text breaks off" : "a subscription prompt follows the text";
                diagnostics.Add(Diagnostic.Warning(source, $"truncated: the page shows a teaser ({why}); the rest is behind a paywall"));
            }
        }

        return (kept.Count == paragraphs.Length ? text : string.Join("\n\n", kept), diagnostics);
    }

    private static readonly System.Buffers.SearchValues<string> s_cues = System.Buffers.SearchValues.Create(
        ["subscri", "cookie", "sign in", "log in", "login", "member", "trial", "privacy", "continue reading", "limit", "unlock", "free of"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>A page mentions walls at all: the cheap test before any markup is scanned.</summary>
    public static bool MayHaveWall(string html) => html.AsSpan().IndexOfAny(s_markupCues) >= 0;

    private static readonly System.Buffers.SearchValues<string> s_markupCues = System.Buffers.SearchValues.Create(
        ["paywall", "subscriber-only", "premium-content", "metered", "regwall"], StringComparison.OrdinalIgnoreCase);

    private static bool IsWall(string block) =>
        block.Length < 400 && block.AsSpan().IndexOfAny(s_cues) >= 0 && (SubscriptionPrompt().IsMatch(block) || ConsentPrompt().IsMatch(block));

    [GeneratedRegex(@"\b(subscribe (now |today )?to (continue|read|keep reading|unlock)|to continue reading|continue reading (this|the) (article|story) (with|by)|already a (subscriber|member)|subscribers? only|for (paid )?subscribers|this (article|content|story) is (only )?(available|reserved|exclusive) (to|for) (subscribers|members)|sign in to (read|continue)|log ?in to (read|continue)|become a (member|subscriber) to|start your free trial|unlock (this|the full) (article|story)|you have reached your (free )?(article )?limit|you('ve| have) read \d+ of \d+ free)", RegexOptions.IgnoreCase)]
    private static partial Regex SubscriptionPrompt();

    [GeneratedRegex(@"\b(we (and our partners )?use cookies|accept (all )?cookies|cookie (settings|preferences|consent)|manage (your )?(privacy|consent) (settings|preferences)|by (clicking|continuing)[^.]{0,40}(accept|agree)|we value your privacy|your privacy choices)", RegexOptions.IgnoreCase)]
    private static partial Regex ConsentPrompt();
}
