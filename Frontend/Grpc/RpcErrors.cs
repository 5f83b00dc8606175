using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Sesame.Frontend.Validation;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// The errors that end a call at the edge. Expected outcomes such as a wrong PIN are values in replies; these are for
/// errors of the call itself.
/// </summary>
internal static class RpcErrors
{
    /// <summary>A call that ends with <paramref name="code"/> and <paramref name="detail"/>.</summary>
    public static RpcException Status(StatusCode code, string detail) => new(new global::Grpc.Core.Status(code, detail));

    /// <summary>
    /// INVALID_ARGUMENT whose message names every violation, with a <see cref="BadRequest"/> in
    /// <c>grpc-status-details-bin</c> so clients read the fields at fault.
    /// </summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var detail = "Invalid request: " + string.Join("; ", violations.Select(violation => $"{violation.Field}: {violation.Description}"));
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(violation => new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description }));
        return new Google.Rpc.Status { Code = (int)Code.InvalidArgument, Message = detail, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    /// <summary>Throws <see cref="InvalidArgument"/> if there is any violation.</summary>
    public static void ThrowIfInvalid(IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw InvalidArgument(violations);
        }
    }
}
