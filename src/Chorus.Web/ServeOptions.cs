using Chorus.Ingest;

namespace Chorus.Web;

/// <summary>
/// What <see cref="ChorusWebHost"/> serves and where.
/// </summary>
/// <param name="StorePath">The store to read, and to add uploaded articles to: a SQLite file or a postgres:// URL.</param>
/// <param name="Url">Where to listen, e.g. http://127.0.0.1:5170 (port 0 picks a free one).</param>
/// <param name="Words">The summary's word cap when a request gives none.</param>
/// <param name="Limits">The limits every uploaded input is read under, as for files.</param>
public sealed record ServeOptions(string StorePath, string Url = ServeOptions.DefaultUrl, int Words = 120, InputLimits? Limits = null)
{
    public const string DefaultUrl = "http://127.0.0.1:5170";

    /// <summary>The limits uploads are read under.</summary>
    public InputLimits ReadLimits => Limits ?? InputLimits.Default;

    /// <summary>The largest request body taken: the same as for standard input.</summary>
    public long MaxUploadBytes => ReadLimits.MaxStreamBytes;
}
