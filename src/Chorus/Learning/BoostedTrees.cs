using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chorus.Learning;

/// <summary>
/// A boosted tree ensemble trained by LightGBM in <c>bench/</c> and evaluated here from its trees, so the product carries
/// the model's numbers and not the training library. It scores one row of features (0-1): the ensemble's raw sum through
/// its Platt calibration. The speaker ranker ships one (<see cref="Facts.Quotes.SpeakerRanker"/>); the conflict verifier
/// was trained the same way and ships none (BENCHMARKS.md, issue 17).
/// </summary>
public sealed class BoostedTrees
{
    private readonly TreeModel _model;

    private BoostedTrees(TreeModel model)
    {
        _model = model;
    }

    public IReadOnlyList<string> Features => _model.Features;

    public static BoostedTrees Load(Stream json) =>
        new(JsonSerializer.Deserialize(json, TreeJson.Default.TreeModel) ?? throw new InvalidDataException("The tree model is empty."));

    public static BoostedTrees Of(TreeModel model) => new(model);

    /// <summary>The calibrated probability that the row is a positive example.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        if (features.Length != _model.Features.Count)
        {
            throw new ArgumentException($"The model reads {_model.Features.Count} features; {features.Length} were given.", nameof(features));
        }

        double sum = _model.Bias;
        foreach (var tree in _model.Trees)
        {
            sum += tree.Evaluate(features);
        }

        return 1 / (1 + Math.Exp(-((_model.Slope * sum) + _model.Offset)));
    }

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(_model, TreeJson.Default.TreeModel);
}

/// <summary>One regression tree: node i sends a value at most <see cref="Thresholds"/>[i] left; a negative child ~k is leaf k.</summary>
public sealed record RegressionTree(int[] Left, int[] Right, int[] Feature, float[] Thresholds, double[] Leaves)
{
    public double Evaluate(ReadOnlySpan<float> features)
    {
        if (Leaves.Length == 1)
        {
            return Leaves[0];
        }

        var node = 0;
        while (node >= 0)
        {
            node = features[Feature[node]] <= Thresholds[node] ? Left[node] : Right[node];
        }

        return Leaves[~node];
    }
}

/// <summary>A trained model: feature names (in the order the caller writes them), trees, calibration, and how it was trained.</summary>
public sealed record TreeModel(
    IReadOnlyList<string> Features,
    IReadOnlyList<RegressionTree> Trees,
    double Bias,
    double Slope,
    double Offset,
    string Trained);

[JsonSerializable(typeof(TreeModel))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
internal sealed partial class TreeJson : JsonSerializerContext;
