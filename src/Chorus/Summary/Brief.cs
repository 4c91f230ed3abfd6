namespace Chorus.Summary;

/// <summary>Where a summary sentence's words come from: an article and a span of its text.</summary>
public sealed record Citation(string Source, int Start, int End);

/// <summary>One summary sentence: verbatim words from one article, and every article that supports it.</summary>
public sealed record SummarySentence(string Text, IReadOnlyList<string> Sources, Citation From);

public sealed record FactLine(string Statement, IReadOnlyList<string> Sources);

/// <summary>The exact words of a cited article that back a value: its text, and where it stands in the article's stored text.</summary>
public sealed record EvidenceLine(string Source, string Text, int Start = 0, int End = 0);

/// <summary>One side of a conflict; <see cref="VersionOf"/> is the article whose value these sources, all copies of it, changed.</summary>
public sealed record ConflictValueLine(string Value, IReadOnlyList<string> Sources, IReadOnlyList<EvidenceLine> Evidence, string? VersionOf = null);

/// <summary>
/// Sources that state incompatible values about one thing. <see cref="Confidence"/> is "confirmed" for a disagreement the
/// brief states, "possible" for a lead a reader should check; <see cref="Score"/> (0-1) ranks them; <see cref="Verdict"/>
/// is "conflict", or "update" for a later report that changes a value (its sides then come in date order).
/// </summary>
public sealed record ConflictLine(string Topic, IReadOnlyList<ConflictValueLine> Values, string Confidence = ConflictLine.Confirmed, double Score = 1, string Verdict = ConflictLine.Disagreement)
{
    public const string Confirmed = Facts.Conflict.Confirmed;
    public const string Possible = Facts.Conflict.Possible;
    public const string Disagreement = "conflict";
    public const string Update = "update";
}

public sealed record EntityLine(string Name, string Kind, IReadOnlyList<string> Aliases, IReadOnlyList<string> Sources);

public sealed record QuoteLine(string? Speaker, string Text, IReadOnlyList<string> Sources);

public sealed record SourceLine(string Id, string? Title, string? Site, string? Url, string? Published, int Words, string? CopyOf, double Quality, IReadOnlyList<string> Notes);

/// <summary>The brief of one story, in the shape of docs/brief.schema.json.</summary>
public sealed record StoryBrief(
    string Id,
    string Title,
    IReadOnlyList<string> Articles,
    IReadOnlyList<SummarySentence> Summary,
    IReadOnlyList<FactLine> Facts,
    IReadOnlyList<ConflictLine> Conflicts,
    IReadOnlyList<EntityLine> Entities,
    IReadOnlyList<QuoteLine> Quotes,
    IReadOnlyList<SourceLine> Sources);

/// <summary>An article that forms a story of its own, listed briefly.</summary>
public sealed record SingleLine(string Id, string? Title, string? Site, string? Url, string? Published, string Story);

/// <summary>Briefs for every story of two or more articles, and the single articles.</summary>
public sealed record Brief(IReadOnlyList<StoryBrief> Stories, IReadOnlyList<SingleLine> Singles);
