using System.ComponentModel.DataAnnotations;

namespace Sesame.Frontend.Grpc;

/// <summary>Limits and features of the gRPC endpoint (<c>Sesame:Grpc</c>).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>
    /// Largest request message accepted, in bytes, checked on the wire and again after inflating gzip or deflate;
    /// larger ones get RESOURCE_EXHAUSTED. Default: 64 KiB.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxReceiveMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// Serves <c>grpc.reflection.v1alpha</c> and <c>grpc.reflection.v1</c>, so grpcurl, Postman and grpcui list and call
    /// the API without the proto files. Default: on in the Development environment, off elsewhere.
    /// </summary>
    public bool? Reflection { get; set; }
}
