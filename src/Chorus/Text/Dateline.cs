using System.Text.RegularExpressions;

namespace Chorus.Text;

/// <summary>
/// The dateline that opens a wire story's first paragraph: "TALLINN, March 11 (BWS) - ". Its date is the
/// filing date, not the event's, and it is not part of the story's first sentence.
/// </summary>
public static partial class Dateline
{
    /// <summary>The length of the dateline at <paramref name="start"/> (with the dash and the spaces after it), or 0.</summary>
    public static int Length(string text, int start, int length)
    {
        var match = Pattern().Match(text, start, length);
        return match.Success ? match.Length : 0;
    }

    // "TALLINN, March 11 (BWS) - ", "BRUSSELS, Belgium (AP) _ ", "INNSBRUCK, Austria (AP) -- ": a place in capitals, an
    // optional region, an optional date, an optional agency, and a dash (wire services type it "-", "--" or "_").
    [GeneratedRegex(@"\G\s*[A-Z][A-Z .'\-]{2,40},\s*(?:[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?,?\s*)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})?\s*(?:\([^)]{1,40}\))?\s*(?:--|[-–—_])\s*")]
    private static partial Regex Pattern();
}
