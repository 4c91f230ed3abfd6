namespace Chorus.Ingest;

/// <summary>
/// The key under which two URLs count as the same page: scheme, "www.", case of the host, trailing slash,
/// fragment, AMP suffixes and tracking parameters (utm_*, fbclid, gclid...) do not matter.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly HashSet<string> s_tracking = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "ocid", "smid", "amp", "outputtype",
    };

    public static string? Canonical(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        if (host.StartsWith("amp.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = uri.AbsolutePath;
        foreach (var suffix in new[] { "/amp/", "/amp", ".amp" })
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                path = path[..^suffix.Length];
            }
        }

        if (path.StartsWith("/amp/", StringComparison.OrdinalIgnoreCase))
        {
            path = path[4..];
        }

        path = path.TrimEnd('/');
        var query = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p =>
            {
                var name = p.Split('=')[0];
                return !name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) && !s_tracking.Contains(name);
            })
            .Order(StringComparer.Ordinal)
            .ToList();
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{host}{port}{path}{(query.Count > 0 ? "?" + string.Join('&', query) : "")}";
    }
}
