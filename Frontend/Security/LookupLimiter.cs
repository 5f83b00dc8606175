using System.Collections.Concurrent;

namespace Sesame.Frontend.Security;

/// <summary>
/// Counts identifier lookups per key (a NIR's lookup key, a client address) in a sliding window, in this process's
/// memory, for known and unknown NIRs alike so that the limit itself tells nothing. Each replica counts its own
/// calls: behind N replicas without affinity the limits are N times looser.
/// </summary>
internal sealed class LookupLimiter(TimeProvider time)
{
    /// <summary>Bounds the memory a spray of keys can take; past it, keys with no lookup in their window are dropped.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> lookups = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>
    /// Counts one lookup on every key if each is under its limit and returns null; otherwise counts nothing and
    /// returns how long until the fullest key has room again.
    /// </summary>
    public TimeSpan? TryAcquire(IReadOnlyList<(string Key, int Limit)> keys, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var now = time.GetUtcNow();
        if (lookups.Count >= Capacity)
        {
            Trim(now, window);
        }

        var queues = keys.Select(key => (Queue: lookups.GetOrAdd(key.Key, static _ => new Queue<DateTimeOffset>()), key.Limit)).ToArray();
        lock (gate)
        {
            TimeSpan? wait = null;
            foreach (var (queue, limit) in queues)
            {
                while (queue.Count > 0 && now - queue.Peek() >= window)
                {
                    queue.Dequeue();
                }

                if (queue.Count >= limit)
                {
                    var free = queue.ElementAt(queue.Count - limit) + window - now;
                    wait = wait is null || free > wait ? free : wait;
                }
            }

            if (wait is not null)
            {
                return wait;
            }

            foreach (var (queue, _) in queues)
            {
                queue.Enqueue(now);
            }

            return null;
        }
    }

    private void Trim(DateTimeOffset now, TimeSpan window)
    {
        lock (gate)
        {
            foreach (var (key, queue) in lookups)
            {
                if (queue.Count == 0 || now - queue.Last() >= window)
                {
                    lookups.TryRemove(key, out _);
                }
            }
        }
    }
}
