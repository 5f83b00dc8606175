namespace Sesame.Client;

/// <summary>Per-call settings.</summary>
public sealed record CallOptions
{
    /// <summary>How long the server may take; sent as <c>grpc-timeout</c> and enforced here too. Default: none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The member's IP address, forwarded for the audit trail (<c>sesame-client-ip</c>).</summary>
    public string? ClientIp { get; init; }

    /// <summary>The member's user agent, forwarded for the audit trail (<c>sesame-client-user-agent</c>).</summary>
    public string? UserAgent { get; init; }

    /// <summary>More metadata to send.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
