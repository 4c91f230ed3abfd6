using System.Net;

namespace Chorus.Extraction.Html;

/// <summary>
/// A light, read-only HTML tree built in one pass by <see cref="HtmlTreeBuilder"/>: nodes in document order in
/// flat arrays (parent, first child, next sibling), tag names interned in lower case, and text and attribute
/// values kept as spans into the page, decoded only when asked. Node 0 is the document.
/// </summary>
internal sealed class HtmlTree : IDisposable
{
    internal readonly PooledList<NodeData> Nodes;
    internal readonly PooledList<AttributeData> Attributes;

    public HtmlTree(string source, int expectedNodes = 16)
    {
        Source = source;
        Nodes = new PooledList<NodeData>(expectedNodes);
        Attributes = new PooledList<AttributeData>(expectedNodes);
    }

    /// <summary>Returns the node and attribute arrays to the pool; the tree is unusable afterwards.</summary>
    public void Dispose()
    {
        Nodes.Dispose();
        Attributes.Dispose();
    }

    public string Source { get; }

    public int Count => Nodes.Count;

    public string? Tag(int node) => Nodes[node].Tag;

    public bool IsText(int node) => Nodes[node].Tag is null;

    public int Parent(int node) => Nodes[node].Parent;

    public int FirstChild(int node) => Nodes[node].FirstChild;

    public int NextSibling(int node) => Nodes[node].NextSibling;

    /// <summary>The raw (undecoded) text of a text node.</summary>
    public ReadOnlySpan<char> RawText(int node) => Source.AsSpan(Nodes[node].Start, Nodes[node].Length);

    /// <summary>The decoded text of a text node.</summary>
    public string Text(int node)
    {
        var raw = RawText(node);
        return raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
    }

    public IEnumerable<int> Children(int node)
    {
        for (var child = Nodes[node].FirstChild; child >= 0; child = Nodes[child].NextSibling)
        {
            yield return child;
        }
    }

    /// <summary>Every element below a node, in document order (nodes are stored in document order).</summary>
    public IEnumerable<int> Descendants(int node)
    {
        var end = Nodes[node].SubtreeEnd;
        for (var i = node + 1; i < end; i++)
        {
            yield return i;
        }
    }

    public bool IsAncestorOf(int ancestor, int node) => node > ancestor && node < Nodes[ancestor].SubtreeEnd;

    public string? Attribute(int node, string name)
    {
        ref var data = ref Nodes[node];
        for (var i = data.AttributeStart; i < data.AttributeStart + data.AttributeCount; i++)
        {
            ref var attribute = ref Attributes[i];
            if (Source.AsSpan(attribute.NameStart, attribute.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var value = Source.AsSpan(attribute.ValueStart, attribute.ValueLength);
                return value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
            }
        }

        return null;
    }

    /// <summary>An attribute's raw value (entities not decoded), or an empty span; for class and id matching without allocation.</summary>
    public ReadOnlySpan<char> RawAttribute(int node, string name)
    {
        ref var data = ref Nodes[node];
        for (var i = data.AttributeStart; i < data.AttributeStart + data.AttributeCount; i++)
        {
            ref var attribute = ref Attributes[i];
            if (Source.AsSpan(attribute.NameStart, attribute.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return Source.AsSpan(attribute.ValueStart, attribute.ValueLength);
            }
        }

        return [];
    }

    public bool HasAttribute(int node, string name)
    {
        ref var data = ref Nodes[node];
        for (var i = data.AttributeStart; i < data.AttributeStart + data.AttributeCount; i++)
        {
            ref var attribute = ref Attributes[i];
            if (Source.AsSpan(attribute.NameStart, attribute.NameLength).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All decoded text under a node, whitespace as in the page.</summary>
    public string TextContent(int node)
    {
        if (IsText(node))
        {
            return Text(node);
        }

        var builder = new System.Text.StringBuilder();
        foreach (var i in Descendants(node))
        {
            if (IsText(i))
            {
                builder.Append(Text(i));
            }
        }

        return builder.ToString();
    }

    /// <summary>The first element with the tag, or -1.</summary>
    public int First(string tag, int within = 0)
    {
        foreach (var i in Descendants(within))
        {
            if (Nodes[i].Tag == tag)
            {
                return i;
            }
        }

        return -1;
    }

    public IEnumerable<int> All(string tag, int within = 0) => Descendants(within).Where(i => Nodes[i].Tag == tag);

    internal struct NodeData
    {
        public string? Tag;
        public int Parent;
        public int FirstChild;
        public int LastChild;
        public int NextSibling;
        public int Start;
        public int Length;
        public int AttributeStart;
        public int AttributeCount;
        public int SubtreeEnd;
    }

    internal readonly record struct AttributeData(int NameStart, int NameLength, int ValueStart, int ValueLength);
}
