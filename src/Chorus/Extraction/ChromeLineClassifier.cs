using System.Text.RegularExpressions;

namespace Chorus.Extraction;

/// <summary>
/// Decides whether one line or block of a page is site chrome (menus, ads, comment prompts,
/// widgets, bios, stray markup, bare numbers) rather than article text.
/// </summary>
public static partial class ChromeLineClassifier
{
    /// <summary>Returns the reason the line is chrome, or null when it looks like article text.</summary>
    public static string? Classify(string line)
    {
        var text = line.Trim();
        if (text.Length == 0)
        {
            return "empty";
        }

        if (NumbersOnly().IsMatch(text))
        {
            return "numbers only";
        }

        if (text.AsSpan().IndexOfAny(s_markupStarts) >= 0 && Markup().IsMatch(text))
        {
            return "markup fragment";
        }

        // A bare time of day heads an entry of a running story ("4:14 p.m."); its few letters do not make it symbols.
        if (text.Length < 12 && TimeOfDay().IsMatch(text))
        {
            return null;
        }

        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        if (letters < text.Length / 3)
        {
            return "mostly symbols";
        }

        // Prompts are short lines; a long paragraph that merely starts like one ("Read more about...") is prose.
        if (text.Length < 300 && Prompt().IsMatch(text))
        {
            return "site prompt";
        }

        if (text.AsSpan().IndexOfAny(s_separators) >= 0 && MenuSeparators().Count(text) >= 3)
        {
            return "menu";
        }

        if (AuthorBio().IsMatch(text))
        {
            return "author bio";
        }

        // A sentence that reports on a sign-up or a subscription ("customers signed up for the trial") is prose; a
        // promotion addresses the reader or tells them what to do.
        if (text.Length < 200 && Promotion().IsMatch(text) && (!ParagraphCleaner.IsProse(text) || AddressesReader().IsMatch(text)))
        {
            return "promotion";
        }

        if (text.Length < 400 && ReaderPoll().IsMatch(text))
        {
            return "reader poll";
        }

        if (text.Length < 24 && Widget().IsMatch(text))
        {
            return "widget counter";
        }

        if (text.Length < 80 && text[^1] is not ('.' or '!' or '?') && Byline().IsMatch(text))
        {
            return "byline";
        }

        if (text.Length < 60 && (TimestampLine().IsMatch(text) || ReadingTime().IsMatch(text)))
        {
            return "date or reading-time line";
        }

        if (text.Length < 40 && text[^1] != '.' && Weather().IsMatch(text))
        {
            return "weather widget";
        }

        if (text.Length < 40 && InterfaceLabel().IsMatch(text))
        {
            return "interface label";
        }

        return null;
    }

    public static bool IsChrome(string line) => Classify(line) is not null;

    /// <summary>
    /// Whether a block that closes a page's text is chrome: credits ("Reporting by ...", "... contributed to this
    /// report"), a call to action longer than a prompt line of its own would be ("Follow him on Twitter", "Use the
    /// code ..."), or a press release's boilerplate about the company ("About Acme", "Acme is a global provider of
    /// ...", "Acme is headquartered in ..."). Only meaningful after the last paragraph of the article; the same words
    /// inside the article are prose.
    /// </summary>
    public static bool IsClosingChrome(string block)
    {
        var text = block.Trim();
        return (text.Length < 600 && (CallToAction().IsMatch(text) || Credits().IsMatch(text))) || (text.Length < 1200 && CompanyBoilerplate().IsMatch(text));
    }

    private static readonly System.Buffers.SearchValues<char> s_markupStarts = System.Buffers.SearchValues.Create("<>&{}[]\\/");
    private static readonly System.Buffers.SearchValues<char> s_separators = System.Buffers.SearchValues.Create("|•·»›/");

    [GeneratedRegex(@"^[\d\s.,:;/|•·\-–—()%+#*]+$")]
    private static partial Regex NumbersOnly();

    [GeneratedRegex(@"</?([a-z][a-z0-9]*|[A-Z][A-Z0-9]*)(\s+[\w:\-]+(\s*=\s*(""[^""]*""|'[^']*'|[^\s>]*))?)*\s*/?>|^[<>/\s]*[a-z]+\s*=\s*[""']|&(nbsp|amp|lt|gt|quot|#\d+);|\{\{|\}\}|\[\[|\]\]|^<!--|-->$|\[/[a-z_\-]+\]|\[[a-z_\-]+\s+[a-z_\-]+\s*=|^[<>{}\[\]/\\](?!.*\p{L}{2,}\P{L}+\p{L}{2,})")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(advertisement|advert|ad|sponsored( content| links)?|tell us what you think\b.*|promoted|leave a (comment|reply)|post a comment|add (a|your) comment|\d+\s+comments?|comments?(\s*\(\d+\))?|join the (conversation|discussion)|show comments|related( (articles|stories|coverage|content|news|reading))?\s*(:.*)?|listen to this (story|article)\b.*|this (text|article) was (translated|generated) automatically|machine[- ]translated\b.*|report a (translation|spelling) (error|mistake)\b.*|read (more|also|next)\b.*|see also\b.*|more from\b.*|more in( (?-i:\p{Lu})[\p{L}\-]*){1,3}|source\s*:.{1,60}|also read\b.*|you (may|might) also like.*|most (read|popular|viewed)\b.*|trending( now)?\b.*|share (this|on|via)\b.*|follow us\b.*|follow [\w ]{1,40} on (instagram|facebook|twitter|youtube|tiktok)\b.*|subscribe\b.*|sign up\b.*|get our newsletter.*|newsletter\b.*|we use cookies\b.*|this (site|website) uses cookies.*|accept (all )?cookies.*|cookie (policy|settings|preferences)\b.*|all rights reserved.*|copyright\b.*|©.*|\(c\)\s*\d{4}.*|photo( credit)?\s*:.*|image\s*:.*|tags?\s*:.*|topics?\s*:.*|filed under\b.*|(report|spot(ted)?|found|notice[d]?) (a|an) (typo|spelling (error|mistake)|error|mistake)\b.*|spelling error\?.*|click here\b.*|skip to (main )?content|back to top|print( this)?( article)?|e-?mail( this)?( article)?|loading\.*|menu|home|search|log ?in|sign in|about the author\b.*|about us|contact us|privacy policy|terms of (use|service)|update your browser.*|javascript is (disabled|required).*|please enable javascript.*)\s*[.!:]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"\b(newsletters?|subscribe|subscription|sign up|signing up|your inbox|share (it|this story|this article) with|requires javascript|enable javascript|news alerts|breaking news emails|delivered (to|through) your|cookies|privacy policy|terms of (use|service)|all rights reserved|click here|follow (us|me|him|her|them) on (instagram|facebook|twitter|youtube|tiktok)|listen back|download (our|the) app|create a new password|log ?in to|already a subscriber|free trial)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"^(?:(?i:about)\s+(\p{Lu}[\p{L}\d&.'’\-]*\s?){1,4}|(\p{Lu}[\p{L}\d&.'’\-]*\s){1,4}(?i:(is|are)\s+(a|an|the)\s+((leading|global|worldwide|international|world's|world’s|premier|pioneering|privately held|publicly traded|full-service|independent|largest|top)\s+){1,3}[\p{L}\-,\s]{0,60}?\b(provider|company|companies|manufacturer|developer|maker|supplier|group|firm|organi[sz]ation|platform|network|brand|agency|operator|publisher|distributor))\b.{0,1000}|(\p{Lu}[\p{L}\d&.'’\-]*\s){1,4}(?i:is\s+headquartered\s+in)\b.{0,400})$")]
    private static partial Regex CompanyBoilerplate();

    [GeneratedRegex(@"^\(?((additional )?reporting|writing|editing|compiled|produced) by\b.*|^.{0,400}\bcontributed (reporting )?to (this|the) (report|story|article)\b.{0,40}$", RegexOptions.IgnoreCase)]
    private static partial Regex Credits();

    [GeneratedRegex(@"^\d{1,2}([:.]\d{2})?\s?[ap]\.?m\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\b(follow (us|me|him|her|them|[\p{Lu}][\p{L}\-]+) on (instagram|facebook|twitter|youtube|tiktok|linkedin)|subscribe (now|today|to (our|the))|sign up (now|today|for (our|the|a))|use (the )?(promo |coupon |discount )?code|get access to|for as little as|(to|in) your inbox|download (our|the) app|start your free trial|already a subscriber)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallToAction();

    [GeneratedRegex(@"\b(you|your|yours|our|us|we)\b|(^|[.!?]\s+)(sign|subscribe|click|tap|follow|download|get|join|register|enter|create|log|read|listen|watch|share|like|try|start|don't|do not|never)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressesReader();

    // A poll that asks the reader's view and shows the tally ("Vote to see ...", "You voted ...", "Cast your vote").
    [GeneratedRegex(@"\b(vote to see|you voted (yes|no|for|against|bullish|bearish)|cast your vote|vote now|take our poll|what('s| is) your (sentiment|vote|view) on)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReaderPoll();

    [GeneratedRegex(@"^(\d+\s+of\s+\d+|(duration|loaded|time|views?|shares?|comments?|likes?|progress)\s*:?\s*[\d:.,%]+\s*%?|[\d:.,]+\s*(views?|shares?|comments?|likes?|min read|minutes? read))$", RegexOptions.IgnoreCase)]
    private static partial Regex Widget();

    [GeneratedRegex(@"^((?i:by|written by|posted( on .{4,30})? by|von|por|par|di))\s+\p{Lu}[\p{L}.'’\-]+(\s+\p{Lu}[\p{L}.'’\-]+){0,3}(\s*[,|\-–—].{0,40})?$|^(?i:posted (on|in)\b.{0,40}\bby\b.{0,30})$|^(?i:by)\s+\p{Ll}[\p{L}\d_]{2,20}\s*[\-–—|]\s*.{1,40}$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^((updated|published|posted|last updated)\s*:?\s*|(?-i:(\p{Lu}[\p{L}.]+\s+){1,3}))?((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?(\s+\d{4})?|\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?(\s+\d{4})?|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})([,\s]+(at\s+)?\d{1,2}[:.]\d{2}(:\d{2})?\s*([ap]\.?m\.?)?)?(\s*[A-Z]{2,4}|\s*(UTC|GMT)[+-]?\d*)?\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex TimestampLine();

    [GeneratedRegex(@"^((updated|posted|published)\s+(at\s+)?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?(\s*[A-Z]{2,4})?|\d+\s*(min|mins|minutes?)\s*(read|de leitura|lesezeit)|(reading time|tempo de leitura|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*\d+\s*\w*)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"^(close|caption|more|topics?|recommends|recommended|don't miss|do not miss|more stories|more news|popular on .{2,30}|latest( news| stories)?|watch( now| more)?|video|photos?|gallery|next( article| story)?|previous( article| story)?|back|iklan|terkait|baca juga|leia (mais|também)|lesen sie auch|lire aussi|ver también|see more|view comments|show more)\s*[:.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex InterfaceLabel();

    [GeneratedRegex(@"-?\d{1,3}\s*°\s*[CF]?\b|\b(sunny|cloudy|overcast|showers|drizzle|partly cloudy|clear skies)\b.{0,20}-?\d{1,3}\s*°", RegexOptions.IgnoreCase)]
    private static partial Regex Weather();

    [GeneratedRegex(@"\s[|•·»›]\s|\s/\s")]
    private static partial Regex MenuSeparators();

    [GeneratedRegex(@"^(?:[A-Z][\p{L}'\-]+\s){1,3}(?:is|has been|was)\s+(?:a|an|the|our)\s+(?:[\p{L}'’\-]+\s){0,4}(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|staff writer|stringer)\b.{0,200}$")]
    private static partial Regex AuthorBio();
}
