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

    /// <summary>Returns the decompressed bytes, or null with <paramref name="problem"/> set.</summary>
    public static byte[]? TryDecompress(byte[] compressed, InputLimits limits, out string? problem)
    {
        problem = null;
        if (compressed.Length < 18)
        {
            problem = "truncated gzip stream (shorter than a gzip header and trailer)";
            return null;
        }

        var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limits.MaxPageBytes)
                {
                    problem = $"decompressed size exceeds the page limit of {Bytes.Describe(limits.MaxPageBytes)}";
                    return null;
                }

                if (output.Length > 1_000_000 && output.Length > compressed.Length * limits.MaxDecompressionRatio)
                {
                    problem = $"decompression ratio above {limits.MaxDecompressionRatio:0}:1 (possible gzip bomb)";
                    return null;
                }
            }
        }
        catch (InvalidDataException e)
        {
            problem = $"corrupt gzip stream: {e.Message}";
            return null;
        }

        var bytes = output.ToArray();
        if (!TrailerMatches(compressed, bytes))
        {
            problem = "truncated or corrupt gzip stream (the trailer does not match the data)";
            return null;
        }

        return bytes;
    }

    private static bool TrailerMatches(byte[] compressed, byte[] output)
    {
        var trailer = compressed.AsSpan(compressed.Length - 8);
        var crc = BitConverter.ToUInt32(trailer[..4]);
        var size = BitConverter.ToUInt32(trailer[4..]);
        if (size > output.Length && (uint)output.Length != size)
        {
            return false;
        }

        // The last member's uncompressed bytes are the tail of the output; its size is known mod 2^32.
        var memberLength = (uint)output.Length == size ? output.Length : (int)size;
        return Crc32.Compute(output.AsSpan(output.Length - memberLength)) == crc
            || Crc32.Compute(output) == crc;
    }
}

/// <summary>The CRC-32 used by gzip (IEEE 802.3, reflected).</summary>
internal static class Crc32
{
    private static readonly uint[] s_table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = s_table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
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
