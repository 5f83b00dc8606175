using System.Text.RegularExpressions;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

public sealed class MemberAccountGrainRecoveryTests
{
    private const string Email = "sophie.martin@courriel.fr";
    private const string Pin = "482913";

    [Fact]
    public async Task VerifyCodeAsync_BudgetSpentAcrossFlows_RightCodeRefusedUntilTheWindowPasses()
    {
        // Arrange: two codes, five wrong tries each: the account's ten-a-day budget is spent.
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        for (var sent = 1; sent <= 2; sent++)
        {
            var (flow, _) = await SendCodeAsync(host, key, expectedMessages: sent);
            for (var i = 0; i < 5; i++)
            {
                await host.Account(key).VerifyCodeAsync(flow, "00000000", GrainsTestHost.Origin, CancellationToken.None);
            }

            host.Time.Advance(TimeSpan.FromMinutes(2));
        }

        // Act: a third code arrives and the member types it right.
        var (third, code3) = await SendCodeAsync(host, key, expectedMessages: 3);
        var refused = await host.Account(key).VerifyCodeAsync(third, code3, GrainsTestHost.Origin, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromDays(1));
        var (fourth, code4) = await SendCodeAsync(host, key, expectedMessages: 4);
        var accepted = await host.Account(key).VerifyCodeAsync(fourth, code4, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.False(refused.Verified);
        Assert.True(accepted.Verified);
    }

    [Fact]
    public async Task VerifyCodeAsync_EmailCodeAfterTenMinutes_RefusedAndAuditedExpired()
    {
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        var (flow, code) = await SendCodeAsync(host, key, expectedMessages: 1);

        host.Time.Advance(TimeSpan.FromMinutes(10));
        var result = await host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        Assert.False(result.Verified);
        Assert.Equal(AuditEvent.CodeExpired, (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))![^1].Event);
    }

    [Fact]
    public async Task ResetSecretAsync_AccountAwaitingRecovery_LockoutScheduleStartsOver()
    {
        // Arrange: ten lockouts in a row leave the account waiting for a recovery.
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        for (var lockout = 0; lockout < 10; lockout++)
        {
            for (var i = 0; i < 3; i++)
            {
                await host.Account(key).LoginAsync("000111", null, GrainsTestHost.Origin, CancellationToken.None);
            }

            host.Time.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(LoginStatus.RecoveryRequired, (await host.Account(key).LoginAsync(Pin, null, GrainsTestHost.Origin, CancellationToken.None)).Status);
        var (flow, code) = await SendCodeAsync(host, key, expectedMessages: 1);
        var verification = await host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        // Act
        var reset = await host.Account(key).ResetSecretAsync(verification.ResetToken!, "705318", GrainsTestHost.Origin, CancellationToken.None);
        var reused = await host.Account(key).ResetSecretAsync(verification.ResetToken!, "615207", GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.Equal(SecretResetStatus.Changed, reset.Status);
        Assert.Equal(SecretResetStatus.ResetRefused, reused.Status);
        Assert.Equal(LoginStatus.Succeeded, (await host.Account(key).LoginAsync("705318", null, GrainsTestHost.Origin, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task VerifyCodeAsync_CodeSentThroughTheOtherSilo_VerifiedAndUsedOnce()
    {
        // Arrange: a cluster of two silos; the code is asked for through the first.
        await using var host = await GrainsTestHost.StartAsync(silos: 2);
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        var (flow, code) = await SendCodeAsync(host, key, expectedMessages: 1, silo: 0);

        // Act
        var onSecond = await host.Account(key, silo: 1).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);
        var againOnFirst = await host.Account(key, silo: 0).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        // Assert
        Assert.True(onSecond.Verified);
        Assert.False(againOnFirst.Verified);
    }

    [Fact]
    public async Task VerifyCodeAsync_WriteFailed_TheSameCodeVerifiesOnTheRetry()
    {
        // Arrange: a code delivered, and its delivery stored; the account's next write will fail.
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        var (flow, code) = await SendCodeAsync(host, key, expectedMessages: 1);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        host.FailNextAccountWrite(key);

        // Act: the code is used, but its use is not stored; the member tries again.
        var failed = await Record.ExceptionAsync(() => host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None));
        var retried = await host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        // Assert: what was not stored was not kept either.
        Assert.NotNull(failed);
        Assert.True(retried.Verified);
    }

    [Fact]
    public async Task StartRecoveryAsync_Anything_NoCodeInClearInTheStore()
    {
        await using var host = await GrainsTestHost.StartAsync();
        await host.StartDispatcherAsync();
        var key = await CreateAsync(host);
        var (flow, code) = await SendCodeAsync(host, key, expectedMessages: 1);
        var verification = await host.Account(key).VerifyCodeAsync(flow, code, GrainsTestHost.Origin, CancellationToken.None);

        Assert.False(host.StoredTextContains(code));
        Assert.False(host.StoredTextContains(verification.ResetToken!));
    }

    private static async Task<string> CreateAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey();
        await host.Account(key).CreateAsync(new NewMemberAccount(Pin, null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(Email, null, []) }, GrainsTestHost.Origin, CancellationToken.None);
        return key;
    }

    /// <summary>Starts a recovery in a new flow and reads the code from the dev outbox once it holds <paramref name="expectedMessages"/>.</summary>
    private static async Task<(string Flow, string Code)> SendCodeAsync(GrainsTestHost host, string key, int expectedMessages, int? silo = null)
    {
        var flow = RandomToken.New();
        await host.Account(key, silo).StartRecoveryAsync(null, flow, GrainsTestHost.Origin, CancellationToken.None);
        await Eventually.TrueAsync(() => host.Outbox.Sent.Count == expectedMessages);
        return (flow, Regex.Match(host.Outbox.Sent[^1].Body, "usage unique : ([0-9]+)").Groups[1].Value);
    }
}
