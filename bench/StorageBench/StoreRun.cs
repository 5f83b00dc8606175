using System.Diagnostics;
using Sesame.Runtime.Storage;
using Sesame.V1;

namespace Sesame.StorageBench;

/// <summary>
/// One store, measured: accounts created by a first host; then, on a second host that has never seen them, the first
/// call on each account (a cold activation: the state is read from the store) and the second (warm), one call at a
/// time; then sign-ins with the right PIN, and refusals on locked accounts, by concurrent callers.
/// </summary>
internal sealed class StoreRun(string name, string? connectionString, BenchSettings settings)
{
    private const string Pin = "482913";
    private const string WrongPin = "111999";

    public async Task<StoreResult> RunAsync()
    {
        var tableName = "bench" + Guid.NewGuid().ToString("N");
        var sharedMemory = connectionString is null ? new MemoryGrainStorage() : null;
        var identifiers = Enumerable.Range(0, settings.Accounts).Select(i => $"B{i:D6}").ToArray();
        double createsPerSecond;
        await using (var first = await BenchHost.StartAsync(connectionString, tableName, sharedMemory))
        {
            createsPerSecond = await ThroughputAsync(settings.Accounts, i => CreateAsync(first, identifiers[i]));
        }

        await using var second = await BenchHost.StartAsync(connectionString, tableName, sharedMemory);
        var cold = await LatenciesAsync(identifiers, identifier => AuditTrailAsync(second, identifier));
        var warm = await LatenciesAsync(identifiers, identifier => AuditTrailAsync(second, identifier));
        var loginsPerSecond = await ThroughputAsync(settings.Logins, i => LoginAsync(second, identifiers[i % identifiers.Length], Pin, LoginStatus.Succeeded));
        var locked = identifiers[..settings.LockedAccounts];
        foreach (var identifier in locked)
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await second.Portal.LoginAsync(new LoginRequest { Tenant = BenchHost.Tenant, Identifier = identifier, Secret = WrongPin });
            }
        }

        var refusalsPerSecond = await ThroughputAsync(settings.Refusals, i => LoginAsync(second, locked[i % locked.Length], WrongPin, LoginStatus.LockedOut));
        return new StoreResult(name, createsPerSecond, cold, warm, loginsPerSecond, refusalsPerSecond);
    }

    private static async Task CreateAsync(BenchHost host, string identifier)
    {
        var reply = await host.BackOffice.CreateMemberAsync(new CreateMemberRequest { Tenant = BenchHost.Tenant, Identifier = identifier, Secret = Pin });
        Expect(reply.Status, CreateMemberStatus.Created);
    }

    private static async Task AuditTrailAsync(BenchHost host, string identifier)
    {
        var reply = await host.BackOffice.GetAuditTrailAsync(new GetAuditTrailRequest { Tenant = BenchHost.Tenant, Identifier = identifier });
        Expect(reply.Entries.Count > 0, true);
    }

    private static async Task LoginAsync(BenchHost host, string identifier, string secret, LoginStatus expected)
    {
        var reply = await host.Portal.LoginAsync(new LoginRequest { Tenant = BenchHost.Tenant, Identifier = identifier, Secret = secret });
        Expect(reply.Status, expected);
    }

    private static void Expect<T>(T actual, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
        {
            throw new InvalidOperationException($"Expected {expected}, got {actual}: the bench measures only the paths it means to.");
        }
    }

    private static async Task<Latencies> LatenciesAsync(IReadOnlyList<string> identifiers, Func<string, Task> call)
    {
        var samples = new double[identifiers.Count];
        for (var i = 0; i < identifiers.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call(identifiers[i]);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return Latencies.Of(samples);
    }

    /// <summary>Calls per second of <paramref name="count"/> calls made by <see cref="BenchSettings.Concurrency"/> callers.</summary>
    private async Task<double> ThroughputAsync(int count, Func<int, Task> call)
    {
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                await call(i);
            }
        }));
        return count / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
