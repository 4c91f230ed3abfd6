using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Chorus.Similarity;

/// <summary>
/// A compact signature of a text's word 3-shingles: 64 minimum hashes (256 bytes). The share of equal
/// slots between two signatures estimates the Jaccard similarity of their shingle sets.
/// </summary>
public sealed class MinHashSignature
{
    public const int Size = 64;
    private static readonly ulong[] s_seeds = Seeds();
    private readonly uint[] _slots;

    private MinHashSignature(uint[] slots) => _slots = slots;

    public ReadOnlySpan<uint> Slots => _slots;

    public bool IsEmpty { get; private init; }

    public static MinHashSignature Of(string text)
    {
        var slots = new uint[Size];
        Array.Fill(slots, uint.MaxValue);
        var words = new List<ulong>();
        foreach (var range in Text.Tokenizer.WordRanges(text))
        {
            words.Add(Hash(text.AsSpan(range)));
        }

        var any = false;
        for (var i = 0; i + 2 < words.Count; i++)
        {
            any = true;
            var shingle = (words[i] * 31) ^ (words[i + 1] * 17) ^ words[i + 2];
            for (var k = 0; k < Size; k++)
            {
                var h = (uint)(Mix(shingle ^ s_seeds[k]) >> 32);
                if (h < slots[k])
                {
                    slots[k] = h;
                }
            }
        }

        return new MinHashSignature(slots) { IsEmpty = !any };
    }

    /// <summary>Estimated Jaccard similarity of the two shingle sets, 0..1.</summary>
    public double Similarity(MinHashSignature other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        // Eight slots per step: compare lanes, count the equal ones.
        var equal = 0;
        ref var mine = ref MemoryMarshal.GetArrayDataReference(_slots);
        ref var theirs = ref MemoryMarshal.GetArrayDataReference(other._slots);
        for (nuint k = 0; k < Size; k += (nuint)Vector256<uint>.Count)
        {
            var same = Vector256.Equals(Vector256.LoadUnsafe(ref mine, k), Vector256.LoadUnsafe(ref theirs, k));
            equal += BitOperations.PopCount(same.ExtractMostSignificantBits());
        }

        return equal / (double)Size;
    }

    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
        }

        return h;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    private static ulong[] Seeds()
    {
        var seeds = new ulong[Size];
        var state = 0x9E3779B97F4A7C15UL;
        for (var k = 0; k < Size; k++)
        {
            state += 0x9E3779B97F4A7C15UL;
            seeds[k] = Mix(state);
        }

        return seeds;
    }
}
