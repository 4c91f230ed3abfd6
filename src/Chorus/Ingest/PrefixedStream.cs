namespace Chorus.Ingest;

/// <summary>A read-only stream of bytes already read from a stream, followed by the rest of that stream.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : ForwardReadStream
{
    private int _offset;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset < prefix.Length)
        {
            var take = Math.Min(count, prefix.Length - _offset);
            Array.Copy(prefix, _offset, buffer, offset, take);
            _offset += take;
            return take;
        }

        return rest.Read(buffer, offset, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
