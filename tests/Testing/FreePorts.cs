using System.Net;
using System.Net.Sockets;

namespace Sesame.Testing;

/// <summary>Loopback ports free at the time of asking, for servers and silos that must be told their port.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The settings that give a silo its own silo and gateway ports, so several run side by side.</summary>
    public static Dictionary<string, string?> SiloSettings() => new()
    {
        ["Sesame:Cluster:SiloPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sesame:Cluster:GatewayPort"] = Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
