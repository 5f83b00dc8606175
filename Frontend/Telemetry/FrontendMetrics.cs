using System.Diagnostics.Metrics;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Frontend.Telemetry;

/// <summary>The outcomes the gRPC services tell portals, counted by tenant: sign-ins and identifier lookups. Never an identifier.</summary>
internal sealed class FrontendMetrics
{
    public const string SignInsName = "sesame.sign_ins";
    public const string IdentifierLookupsName = "sesame.identifier_lookups";
    public const string StepTag = "sesame.step";
    public const string OutcomeTag = "sesame.outcome";

    private readonly Counter<long> signIns;
    private readonly Counter<long> identifierLookups;

    public FrontendMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SesameTelemetry.MeterName);
        signIns = meter.CreateCounter<long>(SignInsName, "{sign_in}", "Sign-in attempts that reached an account, by tenant, step (secret, access_code) and outcome.");
        identifierLookups = meter.CreateCounter<long>(IdentifierLookupsName, "{lookup}", "Lost-identifier lookups (RecoverIdentifier, RevealIdentifier), by tenant and outcome.");
    }

    /// <summary>Counts a sign-in's outcome, at its first step (the secret: <paramref name="isSecretStep"/>) or its second (the access code).</summary>
    public void SignIn(string tenant, bool isSecretStep, LoginStatus status) =>
        signIns.Add(1, new(SesameTelemetry.TenantTag, tenant), new(StepTag, isSecretStep ? "secret" : "access_code"), new(OutcomeTag, Outcome(status)));

    public void IdentifierLookup(string tenant, IdentifierRecoveryStatus status) => identifierLookups.Add(1, new(SesameTelemetry.TenantTag, tenant), new(OutcomeTag, status switch
    {
        IdentifierRecoveryStatus.EmailSent => "email_sent",
        IdentifierRecoveryStatus.SmsSent => "sms_sent",
        IdentifierRecoveryStatus.IbanRequired => "iban_required",
        _ => "too_many_attempts",
    }));

    public void IdentifierLookup(string tenant, IdentifierRevealStatus status) => identifierLookups.Add(1, new(SesameTelemetry.TenantTag, tenant), new(OutcomeTag, status switch
    {
        IdentifierRevealStatus.Revealed => "revealed",
        IdentifierRevealStatus.NotMatched => "not_matched",
        _ => "too_many_attempts",
    }));

    private static string Outcome(LoginStatus status) => status switch
    {
        LoginStatus.Succeeded => "succeeded",
        LoginStatus.InvalidCredentials => "invalid_credentials",
        LoginStatus.LockedOut => "locked_out",
        LoginStatus.RecoveryRequired => "recovery_required",
        LoginStatus.AccessCodeSent => "access_code_sent",
        LoginStatus.AccessCodeExpired => "access_code_expired",
        LoginStatus.NoAccessCodeChannel => "no_access_code_channel",
        _ => "unknown_tenant",
    };
}
