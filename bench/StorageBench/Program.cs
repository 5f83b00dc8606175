using System.Globalization;
using Sesame.StorageBench;

// Usage: Sesame.StorageBench <Azure Table connection string> [accounts] [logins] [locked accounts] [refusals] [concurrency]
// Prints the results as Markdown; bench/storage.sh starts Azurite and writes bench/storage-report.md.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Sesame.StorageBench CONNECTION_STRING [accounts] [logins] [locked accounts] [refusals] [concurrency]");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var settings = new BenchSettings(Arg(1, 300), Arg(2, 200), Arg(3, 20), Arg(4, 3000), Arg(5, 16));

// A small round first, not reported, so that neither store pays for the JIT and the first connections.
foreach (var connectionString in new[] { null, args[0] })
{
    await new StoreRun("warm-up", connectionString, new BenchSettings(100, 20, 4, 2000, settings.Concurrency)).RunAsync();
}

var results = new List<StoreResult>();
foreach (var (name, connectionString) in new[] { ("in-memory", (string?)null), ("Azure Table (Azurite)", args[0]) })
{
    Console.Error.WriteLine($"[storage bench] {name}…");
    results.Add(await new StoreRun(name, connectionString, settings).RunAsync());
}

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"Settings: {settings.Accounts} accounts, {settings.Logins} sign-ins, {settings.Refusals} refusals on {settings.LockedAccounts} locked accounts, {settings.Concurrency} concurrent callers."));
Console.WriteLine();
Console.WriteLine("| store | cold activation p50 / p95 / p99 / max (ms) | warm call p50 / p95 (ms) | sign-ins/s (right PIN) | refusals/s (locked account) | accounts created/s |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var result in results)
{
    Console.WriteLine(string.Create(invariant, $"| {result.Store} | {result.Cold.P50:F2} / {result.Cold.P95:F2} / {result.Cold.P99:F2} / {result.Cold.Max:F2} | {result.Warm.P50:F2} / {result.Warm.P95:F2} | {result.LoginsPerSecond:F0} | {result.RefusalsPerSecond:F0} | {result.CreatesPerSecond:F0} |"));
}

return 0;
