using System.Security.Cryptography;
using System.Text;

namespace Sesame.Grains.Notifications;

/// <summary>Which <see cref="Interfaces.IOutboxIndexGrain"/> lists an account: a hash stable across processes and restarts.</summary>
internal static class OutboxShards
{
    public const int Count = 16;

    public static IEnumerable<string> All => Enumerable.Range(0, Count).Select(Key);

    public static string For(string accountKey) => Key(SHA256.HashData(Encoding.UTF8.GetBytes(accountKey))[0] % Count);

    private static string Key(int shard) => $"shard-{shard:D2}";
}
