using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>Attack signals raised by wrong PINs sent through @grpc/grpc-js, on a server of their own with low thresholds.</summary>
public sealed class AttackSignalInteropTests
{
    private const string Tenant = "assu2000";
    private const string WrongPin = "135790";
    private const string SharedAddress = "203.0.113.50";

    [Fact]
    public async Task Login_WrongPinsOnManyAccounts_StuffingAndClientIpSignalsWithoutIdentifiersOrAddress()
    {
        await using var server = await SesameServer.StartAsync(
            new Dictionary<string, string?> { ["Sesame:AttackSignals:FailedAccountsThreshold"] = "6", ["Sesame:AttackSignals:ClientIpAccountsThreshold"] = "3" },
            services: services => services.AddFakeLogging());
        using var signals = new MetricCollector<long>(server.Services.GetRequiredService<IMeterFactory>(), SesameTelemetry.MeterName, "sesame.attack.signals");
        string[] identifiers = ["AS100001", "AS100002", await server.CreateMemberAsync(Tenant), TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant)];

        var statuses = new List<string?>();
        for (var index = 0; index < identifiers.Length; index++)
        {
            var metadata = index < 3 ? new(SesameServer.Portal(Tenant)) { ["sesame-client-ip"] = SharedAddress } : SesameServer.PortalFromNewAddress(Tenant);
            statuses.Add((await server.SignInAsync(Tenant, identifiers[index], WrongPin, metadata)).Field("status"));
        }

        await Eventually.TrueAsync(() => signals.GetMeasurementSnapshot().Sum(measurement => measurement.Value) == 2);
        Assert.All(statuses, status => Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", status));
        Assert.Equal(
            [("ip", Tenant), ("stuffing", Tenant)],
            signals.GetMeasurementSnapshot().Where(measurement => measurement.Value > 0).Select(measurement => ((string)measurement.Tags["sesame.signal"]!, (string)measurement.Tags[SesameTelemetry.TenantTag]!)).Order());
        var events = server.Services.GetRequiredService<FakeLogCollector>().GetSnapshot().Where(record => record.Message.StartsWith("Attack signal", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, events.Length);
        Assert.Contains(events, record => record.Message == $"Attack signal (credential stuffing) on tenant {Tenant}: sign-ins refused on 6 distinct accounts in the last 10 min (6 refused sign-ins; threshold 6 accounts).");
        Assert.Contains(events, record => record.Message.StartsWith($"Attack signal (client IP) on tenant {Tenant}: client IP ", StringComparison.Ordinal)
            && record.Message.EndsWith(" refused on 3 distinct accounts in the last 10 min (3 refused sign-ins; threshold 3 accounts).", StringComparison.Ordinal));
        Assert.DoesNotContain(events, record => identifiers.Append(WrongPin).Append($"{Tenant}/").Append(SharedAddress).Any(text => record.Message.Contains(text, StringComparison.Ordinal)));
    }
}
