using Chorus.Text;

namespace Chorus.Facts;

/// <summary>What a fact slot is about.</summary>
public enum SlotKind
{
    EventDate,
    Venue,
    Duration,
    Money,
    Percent,
    Count,
    Title,
    Age,
    Meeting,
}

/// <summary>
/// A normalised value: <see cref="Key"/> compares equal things equal; <see cref="Low"/>..<see cref="High"/> is the
/// range a number stands for once its qualifier ("more than", "about") is read.
/// </summary>
public sealed record SlotValue(string Key, string Display, double Low = 0, double High = 0)
{
    /// <summary>The value in a normal form for statements ("3 hours", "€45 million"); the written words when there is none.</summary>
    public string Normal { get => field ?? Display; init; }
}

/// <summary>
/// One fact an article states: its kind, the topic it is about (aligned slots share a topic), the normalised
/// value, and the spans of the value and of the sentence that carries it.
/// </summary>
public sealed record FactSlot(
    string ArticleId,
    SlotKind Kind,
    string Topic,
    string TopicLabel,
    SlotValue Value,
    TextSpan ValueSpan,
    TextSpan Evidence,
    int Sentence,
    IReadOnlyList<string> SentenceTerms)
{
    /// <summary>When the article carrying the slot was published, when known.</summary>
    public DateTimeOffset? Published { get; init; }
}
