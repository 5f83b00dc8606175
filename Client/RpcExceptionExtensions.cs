using Google.Rpc;
using Grpc.Core;

namespace Sesame.Client;

/// <summary>What Sésame says about a failed call beyond its status code.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>
    /// The fields of the request at fault and why, from the <c>google.rpc.BadRequest</c> in the status details
    /// Sésame sends with INVALID_ARGUMENT; none when there are no such details.
    /// </summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> GetFieldViolations(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = exception.GetRpcStatus();
        if (status is null)
        {
            return [];
        }

        return [.. status.Details.Where(detail => detail.Is(BadRequest.Descriptor)).SelectMany(detail => detail.Unpack<BadRequest>().FieldViolations)];
    }
}
