using System.Text.Encodings.Web;
using System.Text.Json;
using Chorus.Summary;

namespace Chorus.Rendering;

/// <summary>Writes briefs as JSON in the shape of docs/brief.schema.json.</summary>
public static class JsonBriefRenderer
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    public static string Render(Brief brief) => JsonSerializer.Serialize(brief, Options);
}
