namespace Sesame.Grains.AttackSignals;

/// <summary>
/// Refused sign-ins in a sliding window of <paramref name="length"/> buckets (minutes): how many, and on how many
/// distinct accounts. Each account is counted in the bucket of its latest failure, so the distinct accounts of any
/// span of buckets is the sum of theirs; an account whose latest failure has left the window is forgotten.
/// At most <paramref name="maxAccounts"/> accounts are remembered, so a wave over millions of identifiers holds a
/// bounded memory: past that, a refusal on another account is counted as a refused sign-in only, and
/// <see cref="Accounts"/> stays at <paramref name="maxAccounts"/> until remembered accounts leave the window.
/// </summary>
internal sealed class FailureWindow(int length, int maxAccounts)
{
    private readonly Queue<Bucket> buckets = new();
    private readonly Dictionary<string, Bucket> latestOf = new(StringComparer.Ordinal);
    private Bucket? newest;

    /// <summary>The refused sign-ins in the window, as of the last <see cref="Add"/>.</summary>
    public int Failures { get; private set; }

    /// <summary>The distinct accounts refused in the window, as of the last <see cref="Add"/>.</summary>
    public int Accounts => latestOf.Count;

    /// <summary>Whether the window, slid to <paramref name="bucket"/>, would hold nothing.</summary>
    public bool IsEmptyAt(long bucket) => newest is null || newest.Index <= bucket - length;

    /// <summary>Slides the window to <paramref name="bucket"/> and counts one refused sign-in on <paramref name="accountKey"/> in it.</summary>
    public void Add(long bucket, string accountKey)
    {
        // A wall clock set back does not reorder the buckets.
        bucket = Math.Max(bucket, newest?.Index ?? bucket);
        Slide(bucket);
        if (newest?.Index != bucket)
        {
            newest = new Bucket(bucket);
            buckets.Enqueue(newest);
        }

        newest.Failures++;
        Failures++;
        if (latestOf.TryGetValue(accountKey, out var latest))
        {
            if (latest == newest)
            {
                return;
            }

            latest.Accounts--;
        }
        else if (latestOf.Count >= maxAccounts)
        {
            return;
        }

        latestOf[accountKey] = newest;
        newest.Accounts++;
        newest.AccountKeys.Add(accountKey);
    }

    /// <summary>The figures of each bucket in the window, oldest first, for readers on other threads.</summary>
    public BucketFigures[] Snapshot() => [.. buckets.Select(bucket => new BucketFigures(bucket.Index, bucket.Failures, bucket.Accounts))];

    private void Slide(long bucket)
    {
        while (buckets.TryPeek(out var oldest) && oldest.Index <= bucket - length)
        {
            buckets.Dequeue();
            Failures -= oldest.Failures;
            foreach (var accountKey in oldest.AccountKeys.Where(accountKey => latestOf[accountKey] == oldest))
            {
                latestOf.Remove(accountKey);
            }

            if (oldest == newest)
            {
                newest = null;
            }
        }
    }

    private sealed class Bucket(long index)
    {
        public long Index { get; } = index;

        public int Failures { get; set; }

        /// <summary>The accounts whose latest failure is in this bucket.</summary>
        public int Accounts { get; set; }

        /// <summary>The accounts that failed in this bucket, some of which failed again later.</summary>
        public List<string> AccountKeys { get; } = [];
    }
}
