using System.IO.Compression;

namespace Chorus.Ingest;

/// <summary>
/// Decompresses a whole gzip payload (one or more members) under <see cref="InputLimits"/>.
/// .NET's <see cref="GZipStream"/> returns a short read on a truncated stream instead of failing,
/// so the final member's trailer (CRC-32 and size) is checked against the output.
/// </summary>
internal static class GzipPayload
{
    public static bool LooksGzipped(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    /// <summary>
    /// Decompresses into a buffer rented from the shared pool (the caller returns it), so a page costs no
    /// large-object allocation of its own; <paramref name="length"/> is the number of bytes written.
    /// </summary>
    public static byte[]? TryDecompressPooled(byte[] compressed, InputLimits limits, out int length, out string? problem)
    {
        problem = null;
        length = 0;
        if (compressed.Length < 18)
        {
            problem = "truncated gzip stream (shorter than a gzip header and trailer)";
            return null;
        }

        // The trailer's size field (mod 2^32) sizes the buffer when it is plausible, saving regrowth copies.
        var declared = BitConverter.ToUInt32(compressed, compressed.Length - 4);
        var initial = declared > 0 && declared < limits.MaxPageBytes ? (int)declared + 1 : Math.Min(compressed.Length * 4, 1 << 20);
        using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
        var (buffer, read, failure, corrupt) = ReadBounded(gzip, compressed.Length, initial, limits, "gzip");
        length = read;
        problem = corrupt ? $"corrupt gzip stream: {failure}" : failure;

        if (problem is null && !TrailerMatches(compressed, buffer.AsSpan(0, length)))
        {
            problem = "truncated or corrupt gzip stream (the trailer does not match the data)";
        }

        if (problem is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }

        return buffer;
    }

    /// <summary>What <see cref="ReadBounded"/> read: a pooled buffer (the caller returns it), the bytes in it, and why it stopped early.</summary>
    internal readonly record struct BoundedRead(byte[] Buffer, int Length, string? Problem, bool Corrupt);

    /// <summary>
    /// Reads a decompressing stream (gzip, zlib or raw deflate) into a buffer rented from the shared pool, stopping
    /// at the page limit or at a decompression ratio that marks a bomb. A stream that is not valid in its format
    /// stops with <see cref="BoundedRead.Corrupt"/> set and the decoder's message as the problem.
    /// </summary>
    internal static BoundedRead ReadBounded(Stream decompressor, long compressedLength, int initialSize, InputLimits limits, string format)
    {
        var pool = System.Buffers.ArrayPool<byte>.Shared;
        var buffer = pool.Rent(initialSize);
        var length = 0;
        try
        {
            int read;
            while ((read = decompressor.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
                if (length > limits.MaxPageBytes)
                {
                    return new BoundedRead(buffer, length, $"decompressed size exceeds the page limit of {Bytes.Describe(limits.MaxPageBytes)}", false);
                }

                if (length > 1_000_000 && length > compressedLength * limits.MaxDecompressionRatio)
                {
                    return new BoundedRead(buffer, length, $"decompression ratio above {limits.MaxDecompressionRatio:0}:1 (possible {format} bomb)", false);
                }

                if (length == buffer.Length)
                {
                    var larger = pool.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (InvalidDataException e)
        {
            return new BoundedRead(buffer, length, e.Message, true);
        }

        return new BoundedRead(buffer, length, null, false);
    }

    private static bool TrailerMatches(byte[] compressed, ReadOnlySpan<byte> output)
    {
        var trailer = compressed.AsSpan(compressed.Length - 8);
        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);

        // One member (the common case): a truncated stream's last four bytes are compressed data, which
        // match the output's length only by a 1 in 2^32 chance, so the size check alone is decisive.
        if ((uint)output.Length == size)
        {
            return true;
        }

        // Several members: the last member's bytes are the tail of the output, and its CRC must match.
        return size < output.Length && System.IO.Hashing.Crc32.HashToUInt32(output[(output.Length - (int)size)..]) == crc;
    }
}

/// <summary>Human-readable byte sizes for messages.</summary>
internal static class Bytes
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} bytes",
    };
}
