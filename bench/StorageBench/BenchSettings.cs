namespace Sesame.StorageBench;

/// <summary>How much each store is measured with.</summary>
/// <param name="Accounts">Accounts created, then activated cold one by one.</param>
/// <param name="Logins">Sign-ins with the right PIN, spread over the accounts.</param>
/// <param name="LockedAccounts">Accounts locked for the refusal run.</param>
/// <param name="Refusals">Wrong PINs on locked accounts: each is a decision stored before it is told, with no hashing.</param>
/// <param name="Concurrency">Concurrent callers for the throughput runs.</param>
internal sealed record BenchSettings(int Accounts, int Logins, int LockedAccounts, int Refusals, int Concurrency);
