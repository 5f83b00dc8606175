using System.Text.Json.Nodes;

namespace Sesame.Testing;

/// <summary>What a gRPC call ended with, as the client saw it.</summary>
/// <param name="Code">The gRPC status code (0 is OK).</param>
/// <param name="Details">The status message.</param>
/// <param name="Response">The reply, with proto field names, enums as names and defaults filled in; null on error.</param>
/// <param name="Metadata">The response headers.</param>
/// <param name="Trailers">The response trailers.</param>
public sealed record GrpcCallResult(int Code, string Details, JsonObject? Response, JsonObject Metadata, JsonObject Trailers)
{
    /// <summary>A string field of the reply.</summary>
    public string? Field(string name) => Response?[name]?.ToString();
}
