using Sesame.LoadTest.Correctness;
using Sesame.V1;

namespace Sesame.LoadTest.Tests.Correctness;

public sealed class LockoutCheckTests
{
    [Fact]
    public void Evaluate_EveryAnswerAudited_Matches()
    {
        var record = Record(wrong: 3, refused: 1);

        var check = LockoutCheck.Evaluate(record, [AuditEvent.LoginFailed, AuditEvent.LoginFailed, AuditEvent.LockedOut, AuditEvent.LoginRefusedWhileLocked]);

        Assert.Equal(CheckVerdict.Match, check.Verdict);
        Assert.Equal((3, 3, 1, 1), (check.WrongAnswered, check.FailuresAudited, check.RefusedAnswered, check.RefusalsAudited));
    }

    [Fact]
    public void Evaluate_AFailureMissingFromTheTrail_IsAMismatchNamingTheCounts()
    {
        var record = Record(wrong: 3, refused: 1);

        var check = LockoutCheck.Evaluate(record, [AuditEvent.LoginFailed, AuditEvent.LockedOut, AuditEvent.LoginRefusedWhileLocked]);

        Assert.Equal(CheckVerdict.Mismatch, check.Verdict);
        Assert.Equal("2 failures audited for 3 wrong PINs answered", check.Problem);
    }

    [Fact]
    public void Evaluate_LockoutSeenButNotAudited_IsAMismatch()
    {
        var record = Record(wrong: 2, refused: 0);

        var check = LockoutCheck.Evaluate(record, [AuditEvent.LoginFailed, AuditEvent.LoginFailed]);

        Assert.Equal(CheckVerdict.Mismatch, check.Verdict);
        Assert.Equal("locked out for the member, but no lockout audited", check.Problem);
    }

    [Fact]
    public void Evaluate_SignInDuringTheLockout_IsAMismatch()
    {
        var record = Record(wrong: 3, refused: 1);

        var check = LockoutCheck.Evaluate(record, [AuditEvent.LoginFailed, AuditEvent.LoginFailed, AuditEvent.LockedOut, AuditEvent.LoginRefusedWhileLocked, AuditEvent.LoginSucceeded]);

        Assert.Equal(CheckVerdict.Mismatch, check.Verdict);
        Assert.Contains("a sign-in succeeded during the lockout", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnansweredCallWithOneMoreFailure_IsPartialNotAMismatch()
    {
        var record = Record(wrong: 2, refused: 0);
        record.Unanswered = true;

        var check = LockoutCheck.Evaluate(record, [AuditEvent.LoginFailed, AuditEvent.LoginFailed, AuditEvent.LockedOut]);

        Assert.Equal(CheckVerdict.Partial, check.Verdict);
    }

    private static LockoutRecord Record(int wrong, int refused) =>
        new("assu2000", "LTABCD0000009") { WrongAnswered = wrong, RefusedAnswered = refused, SawLockout = true };
}
