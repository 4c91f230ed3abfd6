using Chorus.Learning;

namespace Chorus.Extraction;

/// <summary>What the block model reads of each block of a page, in order (written by the page's survey).</summary>
internal static class BlockFeatures
{
    /// <summary>The feature that says the block is the rules' choice (1) or not (0).</summary>
    public const int KeptByTheRules = 0;

    /// <summary>The feature that says the block is the page's title, word for word.</summary>
    public const int IsTheTitle = 27;

    /// <summary>The feature that says the block is a line of chrome by its shape alone (<see cref="ChromeLineClassifier"/>).</summary>
    public const int IsAChromeLine = 24;

    public static readonly IReadOnlyList<string> Names =
    [
        "kept by the rules", "in the root", "in the best container", "under chrome", "under chrome-looking markup", "under a chrome tag",
        "under article markup", "after the h1", "characters", "words", "link density", "ends a sentence", "sentence marks per 100",
        "commas per 100", "digits per 100", "capitals per 100", "list item", "heading level", "element kind", "position",
        "side of the kept text", "blocks to the kept text", "previous kept", "next kept", "chrome line", "closing chrome",
        "repeated", "the title", "kept share of the page", "kept characters (log)", "chrome cues above", "content cues above",
        "levels to the best container", "depth against the best container", "under a figure or caption", "under a link",
        "like siblings", "levels to the nearest kept block", "characters to the nearest kept block (log)", "capitalised words",
        "link density of the parent", "link density of the grandparent", "blocks on the page (log)",
        "previous characters (log)", "next characters (log)", "previous is prose", "next is prose", "prose within three blocks",
        "previous link density", "next link density", "function words",
    ];
}

/// <summary>
/// A boosted tree model over every block of a page (<see cref="BlockFeatures"/>), trained in <c>bench/</c>
/// (<c>./bench.sh extraction --train-blocks --write</c>) on the development halves of the multilingual and news
/// extraction sets: it keeps a block when the probability that a reader wants it is at least <see cref="Threshold"/>.
/// It corrects the rules' choice both ways: prose the rules left under chrome-looking markup or beside the root, and
/// calls to action or bios they kept.
/// </summary>
internal sealed class BlockModel(BoostedTrees trees)
{
    private const string Resource = "Chorus.Extraction.Data.block-model.json";

    private static readonly Lazy<BlockModel?> s_shipped = new(LoadShipped);

    /// <summary>The model that ships with the product, or null when none does (the rules alone decide).</summary>
    public static BlockModel? Shipped => s_shipped.Value;

    /// <summary>A block is kept at this probability or above.</summary>
    public const double Threshold = 0.4;

    public BoostedTrees Trees => trees;

    /// <summary>The text of the blocks the model keeps, in page order (see the overload that takes the probabilities).</summary>
    public List<string> Keep(IReadOnlyList<HtmlArticleExtractor.SurveyedBlock> blocks) => Keep(blocks, blocks.Select(b => trees.Score(b.Features)).ToList());

    /// <summary>
    /// The blocks at <see cref="Threshold"/> or above, but never the title itself (the article carries it apart) nor a
    /// line that is chrome by its shape (stray markup, page numbers, "Share this"); the rules' blocks when the model
    /// keeps nothing of a page the rules read. A page where the rules found no body stays without one: the model
    /// corrects a choice, it does not make one alone (it learnt from few such pages).
    /// </summary>
    public static List<string> Keep(IReadOnlyList<HtmlArticleExtractor.SurveyedBlock> blocks, IReadOnlyList<double> probabilities, double threshold = Threshold)
    {
        if (!blocks.Any(b => b.Features[BlockFeatures.KeptByTheRules] == 1))
        {
            return [];
        }

        var kept = blocks.Where((b, i) => probabilities[i] >= threshold && b.Features[BlockFeatures.IsTheTitle] == 0 && b.Features[BlockFeatures.IsAChromeLine] == 0).Select(b => b.Text).ToList();
        return kept.Count > 0 ? kept : blocks.Where(b => b.Features[BlockFeatures.KeptByTheRules] == 1).Select(b => b.Text).ToList();
    }

    private static BlockModel? LoadShipped()
    {
        using var stream = typeof(BlockModel).Assembly.GetManifestResourceStream(Resource);
        return stream is null ? null : new BlockModel(BoostedTrees.Load(stream));
    }
}
