using Sesame.Client;

namespace Sesame.LoadTest.Load;

/// <summary>
/// One Sésame client per server and key: each tenant's portal key and the back-office key. Journeys take the servers
/// in turn (round-robin), as a load balancer in front of a cluster's silos would.
/// </summary>
internal sealed class ClientSet : IDisposable
{
    private readonly Dictionary<string, SesameClient[]> portals = new(StringComparer.Ordinal);
    private readonly SesameClient[] backOffice;
    private int turn = -1;

    public ClientSet(IReadOnlyList<Uri> addresses, IEnumerable<string> tenants, Func<string, string> portalKey, string backOfficeKey, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        ArgumentNullException.ThrowIfNull(portalKey);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("No server address.", nameof(addresses));
        }

        SesameClient[] For(string key) => [.. addresses.Select(address => SesameClient.Create(new SesameClientOptions { Address = address, ApiKey = key, DefaultDeadline = deadline }))];
        foreach (var tenant in tenants)
        {
            portals[tenant] = For(portalKey(tenant));
        }

        backOffice = For(backOfficeKey);
    }

    /// <summary>The next server's client with <paramref name="tenant"/>'s portal key.</summary>
    public SesameClient Portal(string tenant) => Next(portals[tenant]);

    /// <summary>The next server's client with the back-office key.</summary>
    public SesameClient BackOffice() => Next(backOffice);

    private SesameClient Next(SesameClient[] clients) => clients[(int)((uint)Interlocked.Increment(ref turn) % (uint)clients.Length)];

    public void Dispose()
    {
        foreach (var client in portals.Values.SelectMany(clients => clients).Concat(backOffice))
        {
            client.Dispose();
        }
    }
}
