using System.ComponentModel.DataAnnotations;

namespace Sesame.Grpc.Server;

/// <summary>Limits of the gRPC server.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted, in bytes; larger ones get RESOURCE_EXHAUSTED. Default: 64 KiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024;
}
