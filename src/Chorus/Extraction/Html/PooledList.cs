using System.Buffers;
using System.Runtime.CompilerServices;

namespace Chorus.Extraction.Html;

/// <summary>
/// A growable array rented from the shared pool, with by-reference access: a page's nodes and attributes
/// are large enough to land on the large-object heap, so renting them keeps extraction free of per-page
/// large allocations. Dispose returns the array.
/// </summary>
internal sealed class PooledList<T>(int capacity) : IDisposable
    where T : struct
{
    private T[] _items = ArrayPool<T>.Shared.Rent(Math.Max(16, capacity));

    public int Count { get; private set; }

    public ref T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _items[index];
    }

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<T>.Shared.Return(_items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = larger;
        }

        _items[Count++] = item;
    }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<T>.Shared.Return(_items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = [];
        }
    }
}
