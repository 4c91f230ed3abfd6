using System.Globalization;
using System.Text.RegularExpressions;

namespace Chorus.Extraction;

/// <summary>
/// Parses the date strings pages and feeds carry: ISO 8601, RFC 822/1123 (with named zones), and
/// written dates such as "March 4, 2026" or "4 March 2026 14:30 CET". The offset is kept when given.
/// </summary>
public static partial class DateParser
{
    private static readonly Dictionary<string, TimeSpan> s_zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["UT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["WET"] = TimeSpan.Zero, ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1),
        ["CEST"] = TimeSpan.FromHours(2), ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3),
        ["MSK"] = TimeSpan.FromHours(3), ["IST"] = new TimeSpan(5, 30, 0), ["JST"] = TimeSpan.FromHours(9),
        ["EST"] = TimeSpan.FromHours(-5), ["EDT"] = TimeSpan.FromHours(-4), ["CST"] = TimeSpan.FromHours(-6),
        ["CDT"] = TimeSpan.FromHours(-5), ["MST"] = TimeSpan.FromHours(-7), ["MDT"] = TimeSpan.FromHours(-6),
        ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
    };

    private static readonly Dictionary<string, int> s_months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7,
        ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10,
        ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>
    /// A date from its written form. Years outside 1900-2100 are refused: pages declare "0001-01-01" or
    /// "9999-12-31" as empty values, and no news page is dated outside that range.
    /// </summary>
    public static bool TryParse(string? value, out DateTimeOffset result)
    {
        if (TryParseAny(value, out result) && result.Year is >= 1900 and <= 2100)
        {
            return true;
        }

        result = default;
        return false;
    }

    private static bool TryParseAny(string? value, out DateTimeOffset result)
    {
        result = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length > 80)
        {
            return false;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out result)
            && IsoLike().IsMatch(text))
        {
            return true;
        }

        var match = Written().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var monthName = match.Groups["month1"].Success ? match.Groups["month1"].Value : match.Groups["month2"].Value;
        var dayText = match.Groups["day1"].Success ? match.Groups["day1"].Value : match.Groups["day2"].Value;
        var month = Month(monthName);
        if (month == 0 || !int.TryParse(dayText, CultureInfo.InvariantCulture, out var day) || !int.TryParse(match.Groups["year"].Value, CultureInfo.InvariantCulture, out var year))
        {
            return false;
        }

        var hour = 0;
        var minute = 0;
        var second = 0;
        if (match.Groups["hour"].Success)
        {
            hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
            minute = match.Groups["minute"].Success ? int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture) : 0;
            second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture) : 0;
            var meridiem = match.Groups["ampm"].Value.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
            if (meridiem == "pm" && hour < 12)
            {
                hour += 12;
            }
            else if (meridiem == "am" && hour == 12)
            {
                hour = 0;
            }
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["zone"].Success && !TryZone(match.Groups["zone"].Value, out offset))
        {
            offset = TimeSpan.Zero;
        }

        if (day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month) || hour > 23 || minute > 59 || second > 59 || year < 1900 || year > 2200)
        {
            return false;
        }

        result = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        return true;
    }

    /// <summary>The month number (1-12) of an English month name or abbreviation, or 0.</summary>
    public static int Month(string name) =>
        s_months.TryGetValue(name.TrimEnd('.'), out var month) ? month : 0;

    private static bool TryZone(string zone, out TimeSpan offset)
    {
        if (s_zones.TryGetValue(zone, out offset))
        {
            return true;
        }

        var numeric = NumericZone().Match(zone);
        if (numeric.Success)
        {
            var hours = int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture);
            var minutes = numeric.Groups[3].Success ? int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0);
            if (numeric.Groups[1].Value == "-")
            {
                offset = -offset;
            }

            return true;
        }

        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$")]
    private static partial Regex IsoLike();

    [GeneratedRegex(@"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:(?<month1>[A-Za-z]{3,9}\.?)\s+(?<day1>\d{1,2})(?:st|nd|rd|th)?,?|(?<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?<month2>[A-Za-z]{3,9}\.?),?)\s+(?<year>\d{4})(?:,?\s+(?:at\s+)?(?<hour>\d{1,2})[:.](?<minute>\d{2})(?::(?<second>\d{2}))?\s*(?<ampm>[AaPp]\.?[Mm]\.?)?)?(?:\s*(?<zone>[A-Z]{1,5}|(?:GMT|UTC)?[+-]\d{2}:?\d{2}))?$")]
    private static partial Regex Written();

    [GeneratedRegex(@"^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?$")]
    private static partial Regex NumericZone();

    /// <summary>Month names of the languages most pages are written in, beyond English, as written in a dateline.</summary>
    private static readonly Dictionary<string, int> s_writtenMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januar"] = 1, ["jänner"] = 1, ["februar"] = 2, ["märz"] = 3, ["mai"] = 5, ["juni"] = 6, ["juli"] = 7, ["oktober"] = 10, ["dezember"] = 12,
        ["enero"] = 1, ["febrero"] = 2, ["marzo"] = 3, ["abril"] = 4, ["mayo"] = 5, ["junio"] = 6, ["julio"] = 7, ["agosto"] = 8,
        ["septiembre"] = 9, ["setiembre"] = 9, ["octubre"] = 10, ["noviembre"] = 11, ["diciembre"] = 12,
        ["janvier"] = 1, ["février"] = 2, ["fevrier"] = 2, ["mars"] = 3, ["avril"] = 4, ["juin"] = 6, ["juillet"] = 7, ["août"] = 8,
        ["aout"] = 8, ["septembre"] = 9, ["octobre"] = 10, ["novembre"] = 11, ["décembre"] = 12, ["decembre"] = 12,
    };

    /// <summary>
    /// The first date written in a line of a page's text: a day, a month's name (English, German, Spanish or French) and a
    /// year ("14. Juni 2019", "26, Abril, 2022", "3 de mayo de 2021"), or a day-first numeric date ("03.11.2021").
    /// </summary>
    public static bool TryFindInText(string line, out DateTimeOffset result)
    {
        result = default;
        foreach (Match match in InText().Matches(line))
        {
            var month = match.Groups["month"].Success
                ? (Month(match.Groups["month"].Value) is > 0 and var english ? english : s_writtenMonths.GetValueOrDefault(match.Groups["month"].Value))
                : int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                result = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![\d.])(?<day>[0-3]?\d)(?:\.?\s*(?:de\s+)?|\s*,\s*)(?<month>\p{L}{3,10})\.?(?:\s+(?:de\s+)?|\s*,\s*)(?<year>(?:19|20)\d{2})(?!\d)|(?<![\d.])(?<day>[0-3]?\d)\.(?<number>[01]?\d)\.(?<year>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex InText();
}
