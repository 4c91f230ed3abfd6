using System.Text.Json;

namespace Chorus.Cli;

/// <summary>JSON settings shared by every command: camelCase names, one object per line, non-ASCII kept readable.</summary>
internal static class Json
{
    public static JsonSerializerOptions Line { get; } = new(Rendering.JsonBriefRenderer.Options) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Line);
}
