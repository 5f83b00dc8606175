using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Diagnostics;
using Sesame.Client;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Notifications;
using Sesame.Silo.Demo;
using Sesame.Silo.Hosting;
using Sesame.Testing;
using Sesame.V1;

namespace Sesame.Silo.Tests.Hosting;

[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetrySetupTests
{
    private const string Tenant = "assu2000";
    private const string Identifier = "AS100001";
    private const string Pin = "482913";
    private const string WrongPin = "000000";
    private const string Email = "sophie.martin@courriel.fr";

    [Fact]
    public async Task AddSesameTelemetry_NothingConfigured_NoProviderCollects()
    {
        await using var app = Build([]);

        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddSesameTelemetry_Console_MetricsAndTracesCollected()
    {
        await using var app = Build(new() { ["Sesame:Telemetry:Console"] = "true" });

        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task AddSesameTelemetry_OtlpEndpoint_SignInMetricsAndTraceSentToTheCollector()
    {
        // Arrange: an OTLP/gRPC receiver that keeps what it is sent, and Sésame configured with its address only.
        var received = new List<(string Path, byte[] Body)>();
        await using var collector = await StartCollectorAsync(received);
        await using var app = Build(new() { ["Sesame:Telemetry:OtlpEndpoint"] = AddressOf(collector) });
        await app.StartAsync();
        using var portal = Connect(app);

        // Act
        var reply = await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = Identifier, Secret = Pin });
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // Assert
        Assert.Equal(V1.LoginStatus.Succeeded, reply.Status);
        await Eventually.TrueAsync(() => Received(received, "/opentelemetry.proto.collector.metrics.v1.MetricsService/Export", "sesame.sign_ins")
            && Received(received, "/opentelemetry.proto.collector.trace.v1.TraceService/Export", "/sesame.v1.MemberAuth/Login"));
        Assert.DoesNotContain(received, request => Contains(request.Body, Identifier) || Contains(request.Body, Pin));
    }

    [Theory]
    [InlineData("Sesame:Telemetry:OtlpEndpoint", "localhost:4317", "Sesame:Telemetry:OtlpEndpoint must be an absolute http or https address")]
    [InlineData("Sesame:Telemetry:TraceSampleRatio", "1.5", "TraceSampleRatio")]
    public async Task AddSesameTelemetry_BadSetting_StopsAtStartNamingIt(string key, string value, string expected)
    {
        await using var app = Build(new() { [key] = value });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journey_DemoMemberSignsInLocksOutRecoversAndLooksUp_ExactCountsExported()
    {
        // Arrange
        var metrics = new List<MetricSnapshot>();
        await using var app = await StartAsync(traceSampleRatio: 1, metrics, spans: []);
        using var portal = Connect(app);
        var outbox = app.Services.GetRequiredService<DevOutbox>();
        var flowId = RandomToken.New();

        // Act: one good sign-in; wrong PINs until the lockout (three); a recovery code by e-mail, verified; an identifier lookup.
        await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = Identifier, Secret = Pin });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = Identifier, Secret = WrongPin });
        }

        await portal.MemberRecovery.StartRecoveryAsync(new StartRecoveryRequest { Tenant = Tenant, Identifier = Identifier, FlowId = flowId });
        await Eventually.TrueAsync(() => outbox.Sent.Any(message => message.Destination == Email));
        var code = OneTimeCode().Match(outbox.Sent.Last(message => message.Destination == Email).Body).Groups[1].Value;
        var verified = await portal.MemberRecovery.VerifyCodeAsync(new VerifyCodeRequest { Tenant = Tenant, Identifier = Identifier, FlowId = flowId, Code = code });
        var lookup = await portal.MemberRecovery.RecoverIdentifierAsync(new RecoverIdentifierRequest { Tenant = Tenant, Nir = "185037511122253", BirthDate = "1985-03-14", PostalCode = "75011" });
        await Eventually.TrueAsync(() => outbox.Sent.Count(message => message.Destination == Email) == 2);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // Assert
        Assert.Equal((VerifyCodeStatus.Verified, RecoverIdentifierStatus.EmailSent), (verified.Status, lookup.Status));
        Assert.Equal(
            new Dictionary<string, long> { ["secret/succeeded"] = 1, ["secret/invalid_credentials"] = 2, ["secret/locked_out"] = 1 },
            Sums(metrics, "sesame.sign_ins", "sesame.step", "sesame.outcome"));
        Assert.Equal(new Dictionary<string, long> { [Tenant] = 1 }, Sums(metrics, "sesame.lockouts"));
        Assert.Equal(new Dictionary<string, long> { ["email"] = 1 }, Sums(metrics, "sesame.recovery_codes.sent", "sesame.channel"));
        Assert.Equal(new Dictionary<string, long> { ["email"] = 1 }, Sums(metrics, "sesame.recovery_codes.verified", "sesame.channel"));
        Assert.Equal(new Dictionary<string, long> { ["email_sent"] = 1 }, Sums(metrics, "sesame.identifier_lookups", "sesame.outcome"));
        Assert.Equal(new Dictionary<string, long> { ["email"] = 2 }, Sums(metrics, "sesame.messages.delivered", "sesame.channel"));
        Assert.Equal(new Dictionary<string, long> { [Tenant] = 2 }, Sums(metrics, "sesame.accounts.active"));
        Assert.Contains(metrics, metric => metric.Name == "orleans-grains");
        Assert.Contains(metrics, metric => metric.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task Login_EveryCallSampled_OneTraceFromTheServerSpanThroughGrainCallsHashAndStorage()
    {
        // Arrange
        var spans = new List<Activity>();
        await using var app = await StartAsync(traceSampleRatio: 1, metrics: [], spans);
        using var portal = Connect(app);

        // Act
        var reply = await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = Identifier, Secret = Pin });

        // Assert
        Assert.Equal(V1.LoginStatus.Succeeded, reply.Status);
        await Eventually.TrueAsync(() => Snapshot(spans).Any(IsLoginServerSpan));
        var server = Snapshot(spans).Single(IsLoginServerSpan);
        var trace = Snapshot(spans).Where(span => span.TraceId == server.TraceId).ToArray();
        Assert.Null(server.ParentId);
        Assert.Contains(trace, span => span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName && span.Kind == ActivityKind.Client && span.DisplayName.Contains("IMemberAccountGrain", StringComparison.Ordinal));
        Assert.Contains(trace, span => span.Source.Name == ActivitySources.ApplicationGrainActivitySourceName && span.Kind == ActivityKind.Server && span.DisplayName.Contains("ISessionGrain", StringComparison.Ordinal));
        Assert.Contains(trace, span => span.Source.Name == ActivitySources.StorageActivitySourceName && span.DisplayName == "write storage");
        Assert.Contains(trace, span => span.Source.Name == SesameTelemetry.ActivitySourceName && span.DisplayName == "pbkdf2");
        Assert.DoesNotContain(trace.SelectMany(span => span.TagObjects), tag => tag.Value?.ToString()?.Contains(Identifier, StringComparison.Ordinal) == true || tag.Value?.ToString()?.Contains(Pin, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Login_SampleRatioZero_NoSpan()
    {
        // Arrange
        var spans = new List<Activity>();
        await using var app = await StartAsync(traceSampleRatio: 0, metrics: [], spans);
        using var portal = Connect(app);

        // Act
        var reply = await portal.LoginAsync(new LoginRequest { Tenant = Tenant, Identifier = Identifier, Secret = Pin });
        await portal.CheckHealthAsync();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // Assert
        Assert.Equal(V1.LoginStatus.Succeeded, reply.Status);
        Assert.Empty(Snapshot(spans));
    }

    /// <summary>An OTLP collector as far as the exporter can tell: an HTTP/2 endpoint answering every export with an empty gRPC reply.</summary>
    private static async Task<WebApplication> StartCollectorAsync(List<(string Path, byte[] Body)> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var collector = builder.Build();
        collector.MapPost("/{**path}", async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            lock (received)
            {
                received.Add((context.Request.Path.Value!, body.ToArray()));
            }

            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await collector.StartAsync();
        return collector;
    }

    private static bool Received(List<(string Path, byte[] Body)> received, string path, string text)
    {
        lock (received)
        {
            return received.Any(request => request.Path == path && Contains(request.Body, text));
        }
    }

    private static bool Contains(byte[] body, string text) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    private static bool IsLoginServerSpan(Activity span) =>
        span.Source.Name == "Microsoft.AspNetCore" && span.Kind == ActivityKind.Server && span.DisplayName.EndsWith("/sesame.v1.MemberAuth/Login", StringComparison.Ordinal);

    private static Activity[] Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    /// <summary>The last exported sums of <paramref name="name"/> for the demo tenant, by the values of <paramref name="tags"/> joined with '/' (the tenant without tags).</summary>
    private static Dictionary<string, long> Sums(List<MetricSnapshot> metrics, string name, params string[] tags)
    {
        var metric = metrics.Last(metric => metric.Name == name);
        var sums = new Dictionary<string, long>();
        foreach (var point in metric.MetricPoints)
        {
            var values = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                values[tag.Key] = tag.Value;
            }

            if ((string?)values["sesame.tenant"] == Tenant && point.GetSumLong() != 0)
            {
                sums[tags.Length == 0 ? Tenant : string.Join('/', tags.Select(tag => values[tag]))] = point.GetSumLong();
            }
        }

        return sums;
    }

    private static SesameClient Connect(WebApplication app) => SesameClient.Create(new Uri(AddressOf(app)), DemoCredentials.PortalKey(Tenant));

    private static string AddressOf(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Sésame composed as <c>Silo/Program.cs</c> composes it, collecting what an exporter would see into <paramref name="metrics"/> and <paramref name="spans"/>.</summary>
    private static async Task<WebApplication> StartAsync(double traceSampleRatio, List<MetricSnapshot> metrics, List<Activity> spans)
    {
        var builder = Builder([]);
        builder.Services.AddOpenTelemetry().ObserveSesame(traceSampleRatio)
            .WithMetrics(provider => provider.AddInMemoryExporter(metrics))
            .WithTracing(provider => provider.AddProcessor(new SimpleActivityExportProcessor(new LockedExporter(spans))));
        var app = builder.Build();
        app.MapSesame();
        await app.StartAsync();
        return app;
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var app = Builder(settings).Build();
        app.MapSesame();
        return app;
    }

    private static WebApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FreePorts.SiloSettings()) { ["Sesame:Endpoint:Port"] = "0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        return builder;
    }

    [GeneratedRegex("usage unique : ([0-9]+)")]
    private static partial Regex OneTimeCode();

    /// <summary>The in-memory exporter's list, filled under a lock: spans end on several threads at once.</summary>
    private sealed class LockedExporter(List<Activity> spans) : BaseExporter<Activity>
    {
        public override ExportResult Export(in Batch<Activity> batch)
        {
            lock (spans)
            {
                foreach (var span in batch)
                {
                    spans.Add(span);
                }
            }

            return ExportResult.Success;
        }
    }
}
