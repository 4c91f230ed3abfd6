using System.Reflection;

namespace Chorus.Text;

/// <summary>What kind of place a gazetteer entry is.</summary>
public enum PlaceKind
{
    Country,
    City,
    Region,
}

/// <summary>One known place: its canonical name and kind.</summary>
public sealed record Place(string Name, PlaceKind Kind);

/// <summary>
/// The team's gazetteer: countries with their capitals and demonyms, plus other well-known places and
/// aliases (Text/Data). Lookups are case-insensitive so that datelines in capitals match too.
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, Place> _places = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Place> _demonyms = new(StringComparer.OrdinalIgnoreCase);

    private Gazetteer()
    {
        foreach (var line in Lines("countries.tsv"))
        {
            var fields = line.Split('\t');
            var country = new Place(fields[0], PlaceKind.Country);
            _places[fields[0]] = country;
            if (fields.Length > 1 && fields[1].Length > 0)
            {
                _places.TryAdd(fields[1], new Place(fields[1], PlaceKind.City));
            }

            if (fields.Length > 2)
            {
                foreach (var demonym in fields[2].Split(','))
                {
                    _demonyms.TryAdd(demonym.Trim(), country);
                }
            }
        }

        foreach (var line in Lines("places.tsv"))
        {
            var fields = line.Split('\t');
            var kind = fields[1] switch { "country" => PlaceKind.Country, "city" => PlaceKind.City, _ => PlaceKind.Region };
            _places.TryAdd(fields[0], new Place(fields.Length > 2 ? fields[2] : fields[0], kind));
        }
    }

    public static Gazetteer Shared { get; } = new();

    public Place? Find(string name) => _places.GetValueOrDefault(name);

    /// <summary>The country a demonym ("Estonian") refers to.</summary>
    public Place? FindDemonym(string word) => _demonyms.GetValueOrDefault(word);

    internal static IEnumerable<string> Lines(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Chorus.Text.Data.{resource}")
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from the build");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}

/// <summary>Given names from many languages: one cue that a capitalised pair is a person.</summary>
public static class GivenNames
{
    private static readonly HashSet<string> s_names = new(
        Gazetteer.Lines("first-names.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string name) => s_names.Contains(name);

    private static readonly ILookup<string, string> s_genders = Gazetteer.Lines("given-name-genders.txt")
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(words => words.Length > 1)
        .SelectMany(words => words.Skip(1).Select(name => (Gender: words[0], Name: name)))
        .ToLookup(x => x.Name, x => x.Gender, StringComparer.OrdinalIgnoreCase);

    /// <summary>"female" or "male" when a given name is, in most uses, one or the other; null when unknown or both.</summary>
    public static string? GenderOf(string name) => s_genders[name].ToList() is [var only] ? only : null;
}

/// <summary>Common English words that headings, menus and widgets write with capitals; two together name no one.</summary>
public static class CommonWords
{
    private static readonly HashSet<string> s_words = new(
        Gazetteer.Lines("common-words.txt").SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
        StringComparer.OrdinalIgnoreCase);

    public static bool Contains(string word) => s_words.Contains(word);
}
