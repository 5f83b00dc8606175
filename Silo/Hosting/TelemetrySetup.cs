using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Sésame's metrics and traces through OpenTelemetry: Sésame's meter and Orleans', ASP.NET Core's and Kestrel's, the
/// runtime's; one trace per gRPC call through its grain calls and storage reads and writes. Exported over OTLP and/or
/// to the console as <see cref="TelemetryOptions"/> says, and not collected at all when it says neither.
/// </summary>
internal static class TelemetrySetup
{
    /// <summary>The service name resources carry, unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "sesame";

    /// <summary>Orleans' meter (grain calls, activations, storage, messaging).</summary>
    public const string OrleansMeterName = "Microsoft.Orleans";

    /// <summary>The Azure SDK's spans (table storage), published only once this switch is set.</summary>
    private const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    private const string AzureActivitySources = "Azure.*";

    public static WebApplicationBuilder AddSesameTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(SesameSections.Telemetry).ValidateDataAnnotations()
            .Validate(options => options.HasValidEndpoint, $"{SesameSections.Telemetry}:OtlpEndpoint must be an absolute http or https address, such as http://localhost:4317.")
            .ValidateOnStart();

        // Read now, since the providers are composed now; invalid settings compose nothing and the start stops on their validation.
        var options = builder.Configuration.GetSection(SesameSections.Telemetry).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!options.IsExporting || !options.HasValidEndpoint || options.TraceSampleRatio is < 0 or > 1)
        {
            return builder;
        }

        AppContext.SetSwitch(AzureActivitySourceSwitch, true);
        var telemetry = builder.Services.AddOpenTelemetry().ObserveSesame(options.TraceSampleRatio);
        if (options.Console)
        {
            telemetry.WithMetrics(metrics => metrics.AddConsoleExporter()).WithTracing(tracing => tracing.AddConsoleExporter());
        }

        if (!string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            var endpoint = new Uri(options.OtlpEndpoint);
            telemetry.WithMetrics(metrics => metrics.AddOtlpExporter(otlp => otlp.Endpoint = SignalEndpoint(otlp, endpoint, "v1/metrics")))
                .WithTracing(tracing => tracing.AddOtlpExporter(otlp => otlp.Endpoint = SignalEndpoint(otlp, endpoint, "v1/traces")));
        }

        return builder;
    }

    /// <summary>What Sésame collects, exporters aside: the meters, the span sources, the sampling of traces.</summary>
    internal static OpenTelemetryBuilder ObserveSesame(this OpenTelemetryBuilder telemetry, double traceSampleRatio) => telemetry
        .ConfigureResource(resource => resource.AddService(ServiceName))
        .WithMetrics(metrics => metrics
            .AddMeter(SesameTelemetry.MeterName, OrleansMeterName)
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation())
        .WithTracing(tracing => tracing
            .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(traceSampleRatio)))
            .AddAspNetCoreInstrumentation()
            .AddSource(SesameTelemetry.ActivitySourceName, ActivitySources.ApplicationGrainActivitySourceName, ActivitySources.RuntimeActivitySourceName, ActivitySources.StorageActivitySourceName, ActivitySources.LifecycleActivitySourceName, AzureActivitySources));

    /// <summary>The collector's address as given for gRPC; over HTTP each signal has its own path under it.</summary>
    private static Uri SignalEndpoint(OtlpExporterOptions otlp, Uri endpoint, string signalPath) =>
        otlp.Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
}
