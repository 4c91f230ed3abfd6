using System.IO.Compression;

namespace Chorus.Ingest;

/// <summary>How a stream of gzip members ended.</summary>
internal enum GzipEndKind
{
    /// <summary>Every member was whole and nothing followed the last one.</summary>
    Clean,

    /// <summary>Bytes that are not a gzip member follow the last one.</summary>
    TrailingData,

    /// <summary>The stream ends inside a member (its data or its trailer is cut short).</summary>
    Truncated,

    /// <summary>A member's trailer does not match what it decompressed to.</summary>
    Corrupt,
}

/// <summary>
/// How a stream of gzip members ended, with the offset in the compressed bytes: where the trailing data starts
/// (and how many bytes it holds), or where the damaged member starts.
/// </summary>
internal sealed record GzipEnd(GzipEndKind Kind, long Offset, long Length = 0);

/// <summary>
/// Decompresses a stream of gzip members (a file gzipped whole is one member, an archive gzipped per record holds
/// many) and says how it ended, which <see cref="GZipStream"/> does not: it passes over bytes that follow the last
/// member and returns a short read for a member cut short. Each member is inflated by a <see cref="DeflateStream"/>;
/// where it ends in the compressed bytes is found by its trailer, the CRC-32 and size of what it gave.
/// </summary>
internal sealed class GzipMemberStream(Stream compressed) : ForwardReadStream
{
    private readonly MemberFeed _feed = new(compressed);
    private DeflateStream? _member;
    private long _memberStart;
    private readonly System.IO.Hashing.Crc32 _crc = new();
    private long _size;

    /// <summary>How the stream ended; null until it has.</summary>
    public GzipEnd? End { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (End is null && buffer.Length > 0)
        {
            if (_member is null && !StartMember())
            {
                return 0;
            }

            var read = _member!.Read(buffer);
            if (read > 0)
            {
                _crc.Append(buffer[..read]);
                _size += read;
                return read;
            }

            FinishMember();
        }

        return 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _member?.Dispose();
            compressed.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Reads the next member's header; false (with <see cref="End"/> set) when there is no next member.</summary>
    private bool StartMember()
    {
        _memberStart = _feed.Offset;
        Span<byte> fixedPart = stackalloc byte[10];
        var read = _feed.ReadHeader(fixedPart);
        if (read == 0)
        {
            End = new GzipEnd(GzipEndKind.Clean, _memberStart);
            return false;
        }

        if (read < 3 || fixedPart[0] != 0x1f || fixedPart[1] != 0x8b || fixedPart[2] != 8)
        {
            End = new GzipEnd(GzipEndKind.TrailingData, _memberStart, read + _feed.SkipToEnd());
            return false;
        }

        if (read < 10 || !SkipOptionalFields(fixedPart[3]))
        {
            End = new GzipEnd(GzipEndKind.Truncated, _memberStart);
            return false;
        }

        _feed.Forget();
        _member = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
        _crc.Reset();
        _size = 0;
        return true;
    }

    /// <summary>Passes over the header's optional parts that its flags announce: extra field, file name, comment, header CRC.</summary>
    private bool SkipOptionalFields(byte flags)
    {
        Span<byte> two = stackalloc byte[2];
        if ((flags & 4) != 0)
        {
            if (_feed.ReadHeader(two) < 2)
            {
                return false;
            }

            Span<byte> one = stackalloc byte[1];
            for (var left = two[0] | (two[1] << 8); left > 0; left--)
            {
                if (_feed.ReadHeader(one) < 1)
                {
                    return false;
                }
            }
        }

        foreach (var zeroEnded in new[] { 8, 16 })
        {
            if ((flags & zeroEnded) != 0 && !_feed.SkipPastZero())
            {
                return false;
            }
        }

        return (flags & 2) == 0 || _feed.ReadHeader(two) == 2;
    }

    /// <summary>The member's deflate data has ended (or the input has): finds its trailer, or notes the damage.</summary>
    private void FinishMember()
    {
        _member!.Dispose();
        _member = null;
        Span<byte> trailer = stackalloc byte[8];
        BitConverter.TryWriteBytes(trailer[..4], _crc.GetCurrentHashAsUInt32());
        BitConverter.TryWriteBytes(trailer[4..], (uint)_size);
        if (!_feed.ResumeAfter(trailer))
        {
            End = new GzipEnd(_feed.Exhausted ? GzipEndKind.Truncated : GzipEndKind.Corrupt, _memberStart);
        }
    }

    /// <summary>
    /// The compressed bytes as the member's inflater reads them: bytes held back from an earlier read first, then
    /// the input. It remembers what it handed out lately, so that the bytes the inflater read past its member's end
    /// can be found and handed out again for the next member.
    /// </summary>
    private sealed class MemberFeed(Stream input) : ForwardReadStream
    {
        private const int Remembered = 64 * 1024;
        private readonly byte[] _recent = new byte[Remembered];
        private int _recentLength;
        private byte[] _held = [];
        private int _heldStart;

        /// <summary>The offset in the compressed bytes of the next byte to hand out.</summary>
        public long Offset { get; private set; }

        /// <summary>Whether the input has ended.</summary>
        public bool Exhausted { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = Take(buffer);
            Remember(buffer[..read]);
            return read;
        }

        /// <summary>Reads header bytes, which are not remembered; fewer than asked only at the end of the input.</summary>
        public int ReadHeader(Span<byte> buffer)
        {
            var filled = 0;
            while (filled < buffer.Length)
            {
                var read = Take(buffer[filled..]);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return filled;
        }

        /// <summary>Reads up to and including a zero byte (a header's file name or comment); false at the end of the input.</summary>
        public bool SkipPastZero()
        {
            Span<byte> one = stackalloc byte[1];
            while (ReadHeader(one) == 1)
            {
                if (one[0] == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Reads the rest of the input, counting its bytes.</summary>
        public long SkipToEnd()
        {
            var buffer = new byte[64 * 1024];
            long count = 0;
            int read;
            while ((read = Take(buffer)) > 0)
            {
                count += read;
            }

            return count;
        }

        public void Forget() => _recentLength = 0;

        /// <summary>
        /// Finds the member's trailer among the bytes handed out lately (and the few that follow) and holds back
        /// whatever came after it for the next member. False when no such trailer is there.
        /// </summary>
        public bool ResumeAfter(ReadOnlySpan<byte> trailer)
        {
            var unread = _held.AsSpan(_heldStart);
            var more = new byte[trailer.Length];
            var extra = 0;
            if (unread.Length < trailer.Length)
            {
                while (extra < more.Length && input.Read(more, extra, more.Length - extra) is var read and > 0)
                {
                    extra += read;
                }

                Exhausted |= extra < more.Length;
            }

            byte[] window = [.. _recent.AsSpan(0, _recentLength), .. unread, .. more.AsSpan(0, extra)];
            var at = window.AsSpan().IndexOf(trailer);
            if (at < 0)
            {
                return false;
            }

            var end = at + trailer.Length;
            Offset += end - _recentLength;
            _held = window[end..];
            _heldStart = 0;
            _recentLength = 0;
            return true;
        }

        private int Take(Span<byte> buffer)
        {
            int read;
            if (_heldStart < _held.Length)
            {
                read = Math.Min(buffer.Length, _held.Length - _heldStart);
                _held.AsSpan(_heldStart, read).CopyTo(buffer);
                _heldStart += read;
            }
            else
            {
                read = buffer.IsEmpty ? 0 : input.Read(buffer);
                Exhausted |= read == 0 && !buffer.IsEmpty;
            }

            Offset += read;
            return read;
        }

        private void Remember(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length >= Remembered)
            {
                bytes[^Remembered..].CopyTo(_recent);
                _recentLength = Remembered;
                return;
            }

            var keep = Math.Min(_recentLength, Remembered - bytes.Length);
            _recent.AsSpan(_recentLength - keep, keep).CopyTo(_recent);
            bytes.CopyTo(_recent.AsSpan(keep));
            _recentLength = keep + bytes.Length;
        }
    }
}
