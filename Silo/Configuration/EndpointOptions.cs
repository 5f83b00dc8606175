using System.ComponentModel.DataAnnotations;

namespace Sesame.Silo.Configuration;

/// <summary>Where the gRPC endpoint listens, and with which TLS certificate if any.</summary>
public sealed class EndpointOptions
{
    /// <summary>The IP address to bind. Default: 127.0.0.1, so a development host is not reachable from the network.</summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one. Default: 7070.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7070;

    /// <summary>TLS. Default: none (HTTP/2 without TLS, h2c).</summary>
    public CertificateOptions Certificate { get; set; } = new();
}
