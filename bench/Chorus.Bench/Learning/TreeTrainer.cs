using System.Text.Json;
using Chorus.Learning;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace Chorus.Bench.Learning;

/// <summary>One training example: its features, its label, and how much it weighs.</summary>
internal sealed record TrainingRow(float[] Features, bool Label, float Weight);

/// <summary>
/// Trains a LightGBM binary classifier (Microsoft.ML.LightGbm 6.0.0, bench only) and carries it over into the product's
/// tree form (<see cref="BoostedTrees"/>). Every model is checked against ML.NET's own predictions on its training rows,
/// so the product scores exactly what was trained.
/// </summary>
internal static class TreeTrainer
{
    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    public static BoostedTrees Train(IReadOnlyList<string> featureNames, IEnumerable<TrainingRow> examples, string description, int leaves = 4, int iterations = 300, double learningRate = 0.05, int minimumPerLeaf = 30)
    {
        var ml = new MLContext(seed: 1);
        var rows = examples.Select(r => new Row { Features = r.Features, Label = r.Label, Weight = r.Weight }).ToList();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            ExampleWeightColumnName = nameof(Row.Weight),
            NumberOfLeaves = leaves,
            NumberOfIterations = iterations,
            LearningRate = learningRate,
            MinimumExampleCountPerLeaf = minimumPerLeaf,
            Seed = 1,
            NumberOfThreads = 1,
            Deterministic = true,
        });
        var transformer = trainer.Fit(data);
        var calibrated = (CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator>)transformer.Model;
        var ensemble = calibrated.SubModel.TrainedTreeEnsemble;
        var model = new TreeModel(
            featureNames,
            ensemble.Trees.Select(t => new RegressionTree(t.LeftChild.ToArray(), t.RightChild.ToArray(), t.NumericalSplitFeatureIndexes.ToArray(), t.NumericalSplitThresholds.ToArray(), t.LeafValues.ToArray())).ToList(),
            ensemble.Bias,
            -calibrated.Calibrator.Slope,
            -calibrated.Calibrator.Offset,
            $"LightGBM (Microsoft.ML.LightGbm 6.0.0) on {rows.Count} {description}, {DateTime.UtcNow:yyyy-MM-dd}");
        using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(model, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        var trees = BoostedTrees.Load(stream);

        // The product's evaluation of the trees must give ML.NET's probabilities.
        var predicted = transformer.Transform(data).GetColumn<float>("Probability").ToList();
        var worst = rows.Select((r, i) => Math.Abs(trees.Score(r.Features) - predicted[i])).DefaultIfEmpty(0).Max();
        if (worst > 1e-4)
        {
            throw new InvalidOperationException($"The tree form of the model differs from ML.NET's predictions by up to {worst}.");
        }

        return trees;
    }
}
