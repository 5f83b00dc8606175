using System.ComponentModel.DataAnnotations;

namespace Sesame.Silo.Configuration;

/// <summary>
/// The Orleans cluster this process's silo joins (<c>Sesame:Cluster</c>). In memory the silo is alone on localhost;
/// on Azure Table storage every silo with the same <see cref="ClusterId"/> finds the others in the membership table.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>The port silos talk to each other on. Default: 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>The port Orleans clients connect to (the gRPC frontend runs inside the silo and needs none). Default: 30000.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The cluster's name: silos of one deployment share it. Default: <c>sesame</c>.</summary>
    [Required]
    public string ClusterId { get; set; } = "sesame";

    /// <summary>The service's name, stable across deployments: it prefixes stored grain state and reminders. Default: <c>sesame</c>.</summary>
    [Required]
    public string ServiceId { get; set; } = "sesame";

    /// <summary>
    /// The cluster's certificate (a file, or a subject in the certificate store, as for the endpoint). When set, silos
    /// talk to each other over mutual TLS: each presents it and accepts only peers presenting the same certificate, so a
    /// self-signed one made for the deployment serves. Every silo of the cluster is given the same. Default: none (plain TCP).
    /// </summary>
    public CertificateOptions Certificate { get; set; } = new();
}
