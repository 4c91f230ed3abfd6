using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chorus.Facts.Claims;

/// <summary>
/// Scores a candidate disagreement (0-1) with a boosted tree ensemble trained by LightGBM on the events benchmark's
/// development part (bench/Chorus.Bench/Facts/ConflictTraining.cs). The ensemble is evaluated here from its trees, so
/// the product would carry the model's numbers and not the training library. No model ships yet: cross-validated by
/// topic, the verifier does not reach a precision worth showing a reader (BENCHMARKS.md, issue 17).
/// </summary>
public sealed class ConflictVerifier
{
    private readonly VerifierModel _model;

    private ConflictVerifier(VerifierModel model)
    {
        _model = model;
    }

    public static ConflictVerifier Load(Stream json) =>
        new(JsonSerializer.Deserialize(json, VerifierJson.Default.VerifierModel) ?? throw new InvalidDataException("The conflict verifier's model is empty."));

    /// <summary>The probability that the pair is a real disagreement: the ensemble's raw sum through its Platt calibration.</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        if (features.Length != _model.Features.Count)
        {
            throw new ArgumentException($"The verifier reads {_model.Features.Count} features; {features.Length} were given.", nameof(features));
        }

        double sum = _model.Bias;
        foreach (var tree in _model.Trees)
        {
            sum += tree.Evaluate(features);
        }

        return 1 / (1 + Math.Exp(-((_model.Slope * sum) + _model.Offset)));
    }
}

/// <summary>One regression tree: node i sends a value at most <see cref="Thresholds"/>[i] left; a negative child ~k is leaf k.</summary>
public sealed record VerifierTree(int[] Left, int[] Right, int[] Feature, float[] Thresholds, double[] Leaves)
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

/// <summary>
/// A trained model: feature names (the order the pair finder writes them), trees, and calibration. The cut-offs between
/// nothing, possible and confirmed are the caller's (<see cref="ClaimConflicts.Build"/>).
/// </summary>
public sealed record VerifierModel(
    IReadOnlyList<string> Features,
    IReadOnlyList<VerifierTree> Trees,
    double Bias,
    double Slope,
    double Offset,
    string Trained);

[JsonSerializable(typeof(VerifierModel))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class VerifierJson : JsonSerializerContext;
