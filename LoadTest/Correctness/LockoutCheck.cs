using Grpc.Core;
using Sesame.LoadTest.Load;
using Sesame.V1;

namespace Sesame.LoadTest.Correctness;

/// <summary>
/// The check after a run, from outside: for every account hammered with wrong PINs, its audit trail (the entries with
/// the run's user agent) counts one failure for each wrong PIN answered and one refusal for each right PIN answered
/// LOCKED_OUT, records the lockout the journey saw, and no sign-in. Then the accounts are unlocked for the next run.
/// </summary>
internal static class LockoutCheck
{
    private static readonly AuditEvent[] Failures = [AuditEvent.LoginFailed, AuditEvent.LockedOut, AuditEvent.RecoveryRequired];

    private static readonly AuditEvent[] Refusals = [AuditEvent.LoginRefusedWhileLocked, AuditEvent.LoginRefusedUntilRecovery];

    public static async Task<IReadOnlyList<AccountCheck>> RunAsync(ClientSet clients, LockoutLedger ledger, string userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(ledger);
        var checks = new List<AccountCheck>();
        foreach (var record in ledger.Records)
        {
            AccountCheck check;
            try
            {
                var trail = await clients.BackOffice().MemberAdmin.GetAuditTrailAsync(new GetAuditTrailRequest { Tenant = record.Tenant, Identifier = record.Identifier }, cancellationToken: cancellationToken);
                check = Evaluate(record, [.. trail.Entries.Where(entry => entry.UserAgent == userAgent).Select(entry => entry.Event)]);
                await clients.BackOffice().MemberAdmin.UnlockMemberAsync(new UnlockMemberRequest { Tenant = record.Tenant, Identifier = record.Identifier }, cancellationToken: cancellationToken);
            }
            catch (RpcException exception)
            {
                check = new AccountCheck(record.Tenant, record.Identifier, record.WrongAnswered, -1, record.RefusedAnswered, -1, CheckVerdict.NotChecked, $"the back office call failed: {exception.StatusCode}");
            }

            checks.Add(check);
        }

        return checks;
    }

    /// <summary>Compares what <paramref name="record"/>'s journey was answered with the audit <paramref name="events"/> of the run.</summary>
    public static AccountCheck Evaluate(LockoutRecord record, IReadOnlyList<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        var failures = events.Count(Failures.Contains);
        var refusals = events.Count(Refusals.Contains);
        var locked = events.Contains(AuditEvent.LockedOut) || events.Contains(AuditEvent.RecoveryRequired);
        var problems = new List<string>();
        if (record.Unanswered)
        {
            // A call without an answer may or may not have been counted: only what must hold either way is checked.
            if (failures < record.WrongAnswered)
            {
                problems.Add($"{failures} failures audited, fewer than the {record.WrongAnswered} wrong PINs answered");
            }
        }
        else
        {
            if (failures != record.WrongAnswered)
            {
                problems.Add($"{failures} failures audited for {record.WrongAnswered} wrong PINs answered");
            }

            if (refusals != record.RefusedAnswered)
            {
                problems.Add($"{refusals} refusals audited for {record.RefusedAnswered} right PINs answered LOCKED_OUT");
            }
        }

        if (record.SawLockout && !locked)
        {
            problems.Add("locked out for the member, but no lockout audited");
        }

        if (events.Contains(AuditEvent.LoginSucceeded))
        {
            problems.Add("a sign-in succeeded during the lockout");
        }

        var verdict = problems.Count > 0 ? CheckVerdict.Mismatch : record.Unanswered ? CheckVerdict.Partial : CheckVerdict.Match;
        return new AccountCheck(record.Tenant, record.Identifier, record.WrongAnswered, failures, record.RefusedAnswered, refusals, verdict, string.Join("; ", problems));
    }
}

/// <summary>One hammered account: what its journey was answered, what its audit trail says, and the verdict.</summary>
internal sealed record AccountCheck(string Tenant, string Identifier, int WrongAnswered, int FailuresAudited, int RefusedAnswered, int RefusalsAudited, CheckVerdict Verdict, string Problem);

internal enum CheckVerdict
{
    Match,

    /// <summary>A call went unanswered: the counts were checked as bounds only.</summary>
    Partial,

    Mismatch,

    /// <summary>The audit trail could not be read.</summary>
    NotChecked,
}
