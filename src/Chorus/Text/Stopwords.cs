namespace Chorus.Text;

/// <summary>English function words that carry no topic: ignored when comparing and scoring content.</summary>
public static class Stopwords
{
    private static readonly HashSet<string> s_words = new(
        """
        a about above after again against all almost also although always am among an and another any anyone anything are around as at
        be became because become been before being below between both but by can cannot could did do does doing done down during each
        either else even ever every few for from further get gets got had has have having he her here hers herself him himself his how
        however i if in into is it its itself just least less like made make many may me might more most much must my myself neither
        no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps rather same she
        should since so some such than that the their theirs them themselves then there these they this those though through thus
        to too toward towards under until up upon us very via was we well were what whatever when where whether which while who whom
        whose why will with within without would yet you your yours yourself yourselves said says say told according also amid
        mr mrs ms dr its it's he's she's they're we're i'm don't didn't doesn't isn't wasn't weren't won't can't couldn't wouldn't
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    public static bool Contains(string lowerCaseWord) => s_words.Contains(lowerCaseWord);

    public static bool Contains(ReadOnlySpan<char> lowerCaseWord) => s_words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lowerCaseWord);
}
