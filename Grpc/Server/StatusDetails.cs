using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace Sesame.Grpc.Server;

/// <summary>The <c>grpc-status-details-bin</c> trailer: a <see cref="Google.Rpc.Status"/> with a <see cref="BadRequest"/> naming each field at fault.</summary>
internal static class StatusDetails
{
    public const string TrailerName = "grpc-status-details-bin";

    public static string? Encode(StatusCode status, string detail, IReadOnlyList<FieldViolation> violations)
    {
        if (violations.Count == 0)
        {
            return null;
        }

        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(violation => new BadRequest.Types.FieldViolation { Field = violation.Field, Description = violation.Description }));
        var rpcStatus = new Google.Rpc.Status { Code = (int)status, Message = detail, Details = { Any.Pack(badRequest) } };

        // Binary metadata is base64; senders omit the padding (PROTOCOL-HTTP2.md, "Custom-Metadata").
        return Convert.ToBase64String(rpcStatus.ToByteArray()).TrimEnd('=');
    }
}
