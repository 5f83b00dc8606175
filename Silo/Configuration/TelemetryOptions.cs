using System.ComponentModel.DataAnnotations;

namespace Sesame.Silo.Configuration;

/// <summary>
/// Where Sésame's metrics and traces go (<c>Sesame:Telemetry</c>): to an OpenTelemetry collector over OTLP, to the
/// console, or nowhere. With neither set, nothing listens to the instruments and no span is made.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// The OTLP endpoint of a collector, such as <c>http://localhost:4317</c> (gRPC; the standard
    /// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> variable picks <c>http/protobuf</c>). Default: none.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Whether metrics and spans are also written to the console, to look at them locally. Default: false.</summary>
    public bool Console { get; set; }

    /// <summary>
    /// The share of gRPC calls traced, from 0 to 1, unless the caller's trace context says whether it is sampled (parent-based). Default: 1 (every call).
    /// </summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>Whether anything is exported: only then are the metrics and traces collected at all.</summary>
    public bool IsExporting => Console || !string.IsNullOrEmpty(OtlpEndpoint);

    /// <summary>Whether <see cref="OtlpEndpoint"/> is absent or an absolute http or https address.</summary>
    public bool HasValidEndpoint =>
        string.IsNullOrEmpty(OtlpEndpoint) || (Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https");
}
