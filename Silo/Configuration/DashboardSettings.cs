using System.Net;

namespace Sesame.Silo.Configuration;

/// <summary>
/// The Orleans dashboard (<c>Sesame:Dashboard</c>), a browser page of the cluster's silos, grain activations and calls,
/// on its own HTTP/1.1 listener. Off unless <see cref="Port"/> is set.
/// </summary>
public sealed class DashboardSettings
{
    /// <summary>The TCP port of the dashboard's listener, not the gRPC endpoint's. Default: none, the dashboard is off.</summary>
    public int? Port { get; set; }

    /// <summary>The IP address to bind. Default: 127.0.0.1, reachable from the host only (or through an SSH tunnel).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// Whether the page asks for a back-office credential on a loopback address too, e.g. behind a reverse proxy on the
    /// same host. Default: false. A non-loopback <see cref="Address"/> always asks for one.
    /// </summary>
    public bool RequireCredential { get; set; }

    /// <summary>TLS for the dashboard, required on a non-loopback address. Default: none (plain HTTP).</summary>
    public CertificateOptions Certificate { get; set; } = new();

    public bool IsExposed => !IPAddress.TryParse(Address, out var address) || !IPAddress.IsLoopback(address);

    public bool RequiresCredential => RequireCredential || IsExposed;
}
