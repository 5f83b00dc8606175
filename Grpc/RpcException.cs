namespace Sesame.Grpc;

/// <summary>
/// Ends a call with a non-OK status. Services throw it at the edge only, for errors of the call itself; expected
/// outcomes such as a wrong PIN are values in replies.
/// </summary>
public sealed class RpcException : Exception
{
    public RpcException(StatusCode statusCode, string detail, IReadOnlyList<FieldViolation>? fieldViolations = null)
        : base(detail)
    {
        StatusCode = statusCode;
        FieldViolations = fieldViolations ?? [];
    }

    public RpcException()
        : this(StatusCode.Unknown, "Unknown error.")
    {
    }

    public RpcException(string message)
        : this(StatusCode.Unknown, message)
    {
    }

    public RpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = StatusCode.Unknown;
        FieldViolations = [];
    }

    public StatusCode StatusCode { get; }

    public IReadOnlyList<FieldViolation> FieldViolations { get; }

    /// <summary>An <see cref="StatusCode.InvalidArgument"/> whose message names every violation.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var detail = "Invalid request: " + string.Join("; ", violations.Select(violation => $"{violation.Field}: {violation.Description}"));
        return new RpcException(StatusCode.InvalidArgument, detail, violations);
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
