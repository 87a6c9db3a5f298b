using System.Collections;

namespace Scim.Api.Tests.Infrastructure;

/// <summary>
/// What an in-memory exporter has exported: the exporters add from their own threads (batches, periodic readers) while a
/// test reads, so every access takes the lock and readers get a copy.
/// </summary>
public sealed class Exported<T> : ICollection<T>
{
    private readonly List<T> items = [];

    public int Count
    {
        get { lock (items) return items.Count; }
    }

    public bool IsReadOnly => false;

    /// <summary>What has been exported so far, as a copy.</summary>
    public List<T> Snapshot()
    {
        lock (items) return [.. items];
    }

    public void Add(T item)
    {
        lock (items) items.Add(item);
    }

    public void Clear()
    {
        lock (items) items.Clear();
    }

    public bool Contains(T item)
    {
        lock (items) return items.Contains(item);
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (items) items.CopyTo(array, arrayIndex);
    }

    public bool Remove(T item)
    {
        lock (items) return items.Remove(item);
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
