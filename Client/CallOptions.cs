using Grpc.Core;

namespace Sesame.Client;

/// <summary>Per-call settings.</summary>
public sealed record CallOptions
{
    /// <summary>How long the server may take; the call's deadline, sent as <c>grpc-timeout</c> and enforced here too. Default: the client's default deadline.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The member's IP address, forwarded for the audit trail (<c>sesame-client-ip</c>).</summary>
    public string? ClientIp { get; init; }

    /// <summary>The member's user agent, forwarded for the audit trail (<c>sesame-client-user-agent</c>).</summary>
    public string? UserAgent { get; init; }

    /// <summary>More metadata to send.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>These settings as the options of a call of a generated client.</summary>
    public global::Grpc.Core.CallOptions ToGrpcCallOptions(CancellationToken cancellationToken = default)
    {
        var headers = new Metadata();
        if (ClientIp is not null)
        {
            headers.Add("sesame-client-ip", ClientIp);
        }

        if (UserAgent is not null)
        {
            headers.Add("sesame-client-user-agent", UserAgent);
        }

        foreach (var (name, value) in Metadata)
        {
            headers.Add(name, value);
        }

        return new global::Grpc.Core.CallOptions(headers, Timeout is { } timeout ? Deadlines.After(timeout) : null, cancellationToken);
    }
}
