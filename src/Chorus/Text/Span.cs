namespace Chorus.Text;

/// <summary>A half-open range [Start, End) of characters in an article's text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public Range Range => Start..End;

    public string Of(string text) => text[Start..End];

    public bool Contains(int position) => position >= Start && position < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}
