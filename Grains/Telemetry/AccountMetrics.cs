using System.Diagnostics.Metrics;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.Telemetry;

/// <summary>What member accounts decide, counted by tenant: lockouts, recovery codes, accounts in memory. Never an identifier.</summary>
internal sealed class AccountMetrics
{
    public const string LockoutsName = "sesame.lockouts";
    public const string RecoveryCodesSentName = "sesame.recovery_codes.sent";
    public const string RecoveryCodesVerifiedName = "sesame.recovery_codes.verified";
    public const string ActiveAccountsName = "sesame.accounts.active";

    private readonly Counter<long> lockouts;
    private readonly Counter<long> codesSent;
    private readonly Counter<long> codesVerified;
    private readonly UpDownCounter<long> activeAccounts;

    public AccountMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SesameTelemetry.MeterName);
        lockouts = meter.CreateCounter<long>(LockoutsName, "{lockout}", "Lockouts started (wrong secrets or access codes in a row), by tenant.");
        codesSent = meter.CreateCounter<long>(RecoveryCodesSentName, "{code}", "Recovery codes sent, by tenant and channel.");
        codesVerified = meter.CreateCounter<long>(RecoveryCodesVerifiedName, "{code}", "Recovery and security codes verified, by tenant and channel.");
        activeAccounts = meter.CreateUpDownCounter<long>(ActiveAccountsName, "{account}", "Member accounts in memory on this silo (in use within the grain collection age), by tenant.");
    }

    public void LockoutStarted(string tenant) => lockouts.Add(1, new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, tenant));

    public void RecoveryCodeSent(string tenant, CodeChannel channel) => codesSent.Add(1, new(SesameTelemetry.TenantTag, tenant), new(TagValues.Channel, TagValues.Of(channel)));

    public void RecoveryCodeVerified(string tenant, CodeChannel channel) => codesVerified.Add(1, new(SesameTelemetry.TenantTag, tenant), new(TagValues.Channel, TagValues.Of(channel)));

    public void AccountActivated(string tenant) => activeAccounts.Add(1, new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, tenant));

    public void AccountDeactivated(string tenant) => activeAccounts.Add(-1, new KeyValuePair<string, object?>(SesameTelemetry.TenantTag, tenant));
}
