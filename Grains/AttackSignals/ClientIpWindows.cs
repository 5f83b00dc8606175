namespace Sesame.Grains.AttackSignals;

/// <summary>
/// A <see cref="FailureWindow"/> per client IP, for at most <paramref name="capacity"/> IPs: past that, the IP whose
/// latest failure is the oldest is dropped, and so is any IP whose window has emptied. Each remembers at most
/// <paramref name="maxAccounts"/> accounts.
/// </summary>
internal sealed class ClientIpWindows(int length, int capacity, int maxAccounts)
{
    private readonly Dictionary<string, LinkedListNode<ClientIpWindow>> byIp = new(StringComparer.Ordinal);
    private readonly LinkedList<ClientIpWindow> latestFirst = new();

    /// <summary>How many client IPs are tracked.</summary>
    public int Count => byIp.Count;

    /// <summary>Counts one refused sign-in of <paramref name="clientIp"/> on <paramref name="accountKey"/> in <paramref name="bucket"/>, and returns that IP's window.</summary>
    public ClientIpWindow Add(string clientIp, long bucket, string accountKey)
    {
        if (byIp.TryGetValue(clientIp, out var node))
        {
            latestFirst.Remove(node);
        }
        else
        {
            node = new LinkedListNode<ClientIpWindow>(new ClientIpWindow(clientIp, new FailureWindow(length, maxAccounts)));
            byIp[clientIp] = node;
        }

        latestFirst.AddFirst(node);
        node.Value.Window.Add(bucket, accountKey);
        while (latestFirst.Last is { } oldest && (byIp.Count > capacity || oldest.Value.Window.IsEmptyAt(bucket)))
        {
            latestFirst.RemoveLast();
            byIp.Remove(oldest.Value.ClientIp);
        }

        return node.Value;
    }
}
