using System.Globalization;

namespace Chorus.Text;

/// <summary>Reads numbers written in digits ("1,200", "3.5") or words ("forty-five", "a dozen", "twelve").</summary>
public static class NumberWords
{
    private static readonly Dictionary<string, double> s_units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80,
        ["ninety"] = 90, ["dozen"] = 12, ["half"] = 0.5, ["a dozen"] = 12, ["a half"] = 0.5, ["a hundred"] = 100, ["hundred"] = 100,
        ["a thousand"] = 1000, ["thousand"] = 1000,
    };

    /// <summary>The pattern (for a regex) of a number in digits or words.</summary>
    public const string Pattern =
        @"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a hundred|hundred|a thousand|a half|half|an|a))";

    public static bool TryParse(string text, out double value)
    {
        var t = text.Trim();
        // "1,500", and "1, 500" as some copies write it (text rejoined from its tokens).
        var digits = t.AsSpan().ContainsAnyExcept("0123456789, .") ? t.Replace(",", "", StringComparison.Ordinal) : t.Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (s_units.TryGetValue(t, out value))
        {
            return true;
        }

        var parts = t.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && s_units.TryGetValue(parts[0], out var tens) && s_units.TryGetValue(parts[1], out var ones) && tens >= 20 && ones < 10)
        {
            value = tens + ones;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A multiplier word: million, bn, m, k...</summary>
    public static double Scale(string? word) => word?.ToLowerInvariant() switch
    {
        "thousand" or "k" => 1e3,
        "million" or "m" or "mn" or "mln" => 1e6,
        "billion" or "bn" or "b" => 1e9,
        "trillion" or "tn" => 1e12,
        _ => 1,
    };
}
