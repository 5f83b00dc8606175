using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.Telemetry;

/// <summary>
/// The oldest undelivered message of each account in memory on this silo, published as its age by tenant: a value that
/// grows means a channel does not deliver. Accounts are kept by their grain key (a keyed digest) and only in memory.
/// </summary>
internal sealed class OutboxBacklog
{
    public const string OldestAgeName = "sesame.outbox.oldest_age";

    private readonly ConcurrentDictionary<string, DateTimeOffset> oldestByAccount = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public OutboxBacklog(IMeterFactory meterFactory, TimeProvider time)
    {
        this.time = time;
        meterFactory.Create(SesameTelemetry.MeterName).CreateObservableGauge(OldestAgeName, Observe, "s", "Age of the oldest undelivered outbox message among the accounts in memory on this silo, by tenant; absent when none waits.");
    }

    /// <summary>Records the outbox of <paramref name="accountKey"/> as it now stands: the creation of its oldest message, or nothing.</summary>
    public void Track(string accountKey, IReadOnlyCollection<OutboxEntry> outbox)
    {
        if (outbox.Count == 0)
        {
            Forget(accountKey);
        }
        else
        {
            oldestByAccount[accountKey] = outbox.Min(entry => entry.Message.CreatedAt);
        }
    }

    /// <summary>Stops watching an account, as its activation ends: the silo that activates it next publishes its outbox.</summary>
    public void Forget(string accountKey) => oldestByAccount.TryRemove(accountKey, out _);

    private IEnumerable<Measurement<double>> Observe()
    {
        var now = time.GetUtcNow();
        return oldestByAccount
            .GroupBy(pair => MemberAccountKey.TenantOf(pair.Key), pair => pair.Value, StringComparer.Ordinal)
            .Select(tenant => new Measurement<double>(Math.Max(0, (now - tenant.Min()).TotalSeconds), new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, tenant.Key)))
            .ToArray();
    }
}
