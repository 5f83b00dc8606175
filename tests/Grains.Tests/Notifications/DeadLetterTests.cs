using System.Text.Json;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Notifications;

public sealed class DeadLetterTests
{
    private const string Email = "sophie.martin@courriel.fr";
    private const string MaskedEmail = "s****@c****.fr";

    [Fact]
    public async Task Delivery_SenderFailsTwiceThenWorks_DeliveredWithoutDeadLetter()
    {
        // Arrange: retries wait 2 then 4 minutes.
        var sender = new FailingSender(failures: 2);
        await using var host = await GrainsTestHost.StartAsync(sender: sender, notifications: options => options.FirstRetryDelay = TimeSpan.FromMinutes(2));
        var (key, _) = await StoreCodeAsync(host);
        var start = host.Time.GetUtcNow();

        // Act
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(() => sender.Attempts == 1);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Single().FailedDeliveries == 1);
        var afterFirst = (await host.ReadStoredAsync(key))!.Outbox.Single();
        host.Time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => sender.Attempts == 2);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Single().FailedDeliveries == 2);
        var afterSecond = (await host.ReadStoredAsync(key))!.Outbox.Single();
        host.Time.Advance(TimeSpan.FromMinutes(4));

        // Assert: attempts counted, each retry after its doubled wait, then delivered once and nothing dead-lettered.
        Assert.Equal((start, start, start + TimeSpan.FromMinutes(2), DeliveryError.Transient, "IOException"), (afterFirst.FirstAttemptAt!.Value, afterFirst.LastAttemptAt!.Value, afterFirst.NextAttemptAt, afterFirst.LastError!.Value, afterFirst.LastErrorMessage!));
        Assert.Equal((start, start + TimeSpan.FromMinutes(2), start + TimeSpan.FromMinutes(6)), (afterSecond.FirstAttemptAt!.Value, afterSecond.LastAttemptAt!.Value, afterSecond.NextAttemptAt));
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        Assert.Equal((3, 1), (sender.Attempts, sender.Delivered));
        Assert.Empty(await DeadLettersAsync(host));
    }

    [Fact]
    public async Task Delivery_SenderAlwaysFails_DeadLetteredAfterMaxAttemptsWithoutTheCode()
    {
        // Arrange: three attempts, a minute apart (the sweep's pace).
        var sender = new FailingSender(failures: int.MaxValue);
        await using var host = await GrainsTestHost.StartAsync(sender: sender, notifications: options => options.Email.MaxAttempts = 3);
        var (key, code) = await StoreCodeAsync(host);
        var start = host.Time.GetUtcNow();

        // Act
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Single().FailedDeliveries == 1);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Single().FailedDeliveries == 2);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        // Assert: out of the outbox, in the dead letters once, masked, with no code.
        var deadLetter = Assert.Single(await DeadLettersAsync(host));
        Assert.Equal(
            (GrainsTestHost.IdentifierOf(key), NotificationKind.RecoveryCode, CodeChannel.Email, MaskedEmail, UndeliveredReason.AttemptsExhausted, 3),
            (deadLetter.Identifier, deadLetter.Kind, deadLetter.Channel, deadLetter.MaskedDestination, deadLetter.Reason, deadLetter.Attempts));
        Assert.Equal((start, start + TimeSpan.FromMinutes(2), DeliveryError.Transient, "IOException"), (deadLetter.FirstAttemptAt!.Value, deadLetter.LastAttemptAt!.Value, deadLetter.LastError!.Value, deadLetter.LastErrorMessage));
        Assert.Equal(3, sender.Attempts);
        var shown = JsonSerializer.Serialize(deadLetter);
        Assert.DoesNotContain(code, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_RecipientRefused_DeadLetteredAtOnce()
    {
        // Arrange
        var sender = new FailingSender(failures: int.MaxValue, refuse: true);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);
        var (key, _) = await StoreCodeAsync(host);

        // Act
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);

        // Assert
        var deadLetter = Assert.Single(await DeadLettersAsync(host));
        Assert.Equal(
            (UndeliveredReason.Refused, 1, DeliveryError.Refused, $"The SMTP server refused the e-mail to {MaskedEmail} (550 RecipientNotAccepted)."),
            (deadLetter.Reason, deadLetter.Attempts, deadLetter.LastError!.Value, deadLetter.LastErrorMessage));
        Assert.Equal(1, sender.Attempts);
    }

    [Fact]
    public async Task Delivery_CodeExpiresWhileRetrying_DeadLetteredAsExpired()
    {
        // Arrange: the default 8 attempts take longer than the code's ten minutes.
        var sender = new FailingSender(failures: int.MaxValue);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);
        var (key, _) = await StoreCodeAsync(host);
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(() => sender.Attempts == 1);

        // Act
        for (var minute = 0; minute < 11; minute++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        // Assert
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        var deadLetter = Assert.Single(await DeadLettersAsync(host));
        Assert.Equal((UndeliveredReason.Expired, DeliveryError.Transient), (deadLetter.Reason, deadLetter.LastError!.Value));
        Assert.InRange(deadLetter.Attempts, 1, 7);
        Assert.Empty(sender.DeliveredMessages);
    }

    [Fact]
    public async Task Delivery_ProcessGoneBetweenDeadLetterAndOutboxWrite_OneDeadLetter()
    {
        // Arrange: a process dead-letters a message; its outbox write is then undone, as a crash before it would leave it.
        var storage = new InspectableGrainStorage();
        var time = GrainsTestHost.NewClock();
        var key = await DeadLetterThenLoseTheOutboxWriteAsync(storage, time);

        // Act: the next process finds the message still in the outbox and fails it again.
        var sender = new FailingSender(int.MaxValue);
        await using var restarted = await GrainsTestHost.StartAsync(storage, time, sender: sender, notifications: options => options.Email.MaxAttempts = 1);
        await restarted.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await restarted.ReadStoredAsync(key))!.Outbox.Count == 0);

        // Assert
        Assert.Equal(1, sender.Attempts);
        Assert.Single(await DeadLettersAsync(restarted));
    }

    [Fact]
    public async Task Delivery_ProcessGoneAfterDeadLetterThenLastAttemptWorks_DeadLetterWithdrawn()
    {
        // Arrange: as above, the dead letter is written and the outbox write lost.
        var storage = new InspectableGrainStorage();
        var time = GrainsTestHost.NewClock();
        var key = await DeadLetterThenLoseTheOutboxWriteAsync(storage, time);

        // Act: the next process's attempt, the last one allowed, succeeds.
        var sender = new FailingSender(failures: 0);
        await using var restarted = await GrainsTestHost.StartAsync(storage, time, sender: sender, notifications: options => options.Email.MaxAttempts = 1);
        await restarted.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await restarted.ReadStoredAsync(key))!.Outbox.Count == 0);

        // Assert
        Assert.Equal(1, sender.Delivered);
        Assert.Empty(await DeadLettersAsync(restarted));
    }

    [Fact]
    public async Task DeadLetters_Dismissed_NoLongerListed()
    {
        // Arrange
        var sender = new FailingSender(failures: int.MaxValue, refuse: true);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);
        await StoreCodeAsync(host);
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await DeadLettersAsync(host)).Count == 1);
        var id = (await DeadLettersAsync(host))[0].Id;

        // Act
        var removed = await host.Grains.GetGrain<IDeadLetterGrain>(GrainsTestHost.Tenant).RemoveAsync([id, "unknown"], CancellationToken.None);

        // Assert
        Assert.Equal(1, removed);
        Assert.Empty(await DeadLettersAsync(host));
    }

    [Fact]
    public async Task DeadLetters_Stored_IdentifierEncrypted()
    {
        // Arrange
        var sender = new FailingSender(failures: int.MaxValue, refuse: true);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);
        var (key, _) = await StoreCodeAsync(host);

        // Act
        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await DeadLettersAsync(host)).Count == 1);

        // Assert
        Assert.False(host.StoredTextContains(GrainsTestHost.IdentifierOf(key)));
        Assert.False(host.StoredTextContains(MaskedEmail));
    }

    /// <summary>
    /// One process dead-letters a stored code's message (one attempt allowed), then its outbox write is undone, as a
    /// crash between the two writes would leave it; returns the account's key.
    /// </summary>
    private static async Task<string> DeadLetterThenLoseTheOutboxWriteAsync(InspectableGrainStorage storage, FakeTimeProvider time)
    {
        string key;
        OutboxEntry pending;
        await using (var crashed = await GrainsTestHost.StartAsync(storage, time, sender: new FailingSender(int.MaxValue), notifications: options => options.Email.MaxAttempts = 1))
        {
            (key, _) = await StoreCodeAsync(crashed);
            pending = (await crashed.ReadStoredAsync(key))!.Outbox.Single();
            await crashed.StartDispatcherAsync();
            await Eventually.TrueAsync(async () => (await crashed.ReadStoredAsync(key))!.Outbox.Count == 0);
            Assert.Single(await DeadLettersAsync(crashed));
        }

        // Behind the stopped cluster, the store is left as before the outbox write: message kept and account listed.
        var account = storage.Read<MemberAccountState>("account", GrainId.Create("member-account", key))!;
        account.Outbox.Add(pending);
        storage.Write("account", GrainId.Create("member-account", key), account);
        var shard = GrainId.Create("outbox-index", OutboxShards.For(key));
        var listed = storage.Read<KeySetState>("keys", shard) ?? new KeySetState();
        listed.Keys.Add(key);
        storage.Write("keys", shard, listed);
        return key;
    }

    private static Task<IReadOnlyList<UndeliveredMessage>> DeadLettersAsync(GrainsTestHost host) =>
        host.Grains.GetGrain<IDeadLetterGrain>(GrainsTestHost.Tenant).ListAsync(CancellationToken.None);

    /// <summary>Creates a member with an e-mail and stores a recovery code for it, before any dispatcher runs; returns the code.</summary>
    private static async Task<(string Key, string Code)> StoreCodeAsync(GrainsTestHost host)
    {
        var key = GrainsTestHost.NewAccountKey();
        var created = await host.Account(key).CreateAsync(
            new NewMemberAccount("482913", null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(Email, null, []) },
            GrainsTestHost.Origin,
            CancellationToken.None);
        Assert.Equal(AccountCreationStatus.Created, created.Status);
        await host.Account(key).StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        var code = (await host.ReadStoredAsync(key))!.Outbox.Single().Message.Payload!;
        return (key, code);
    }

    private sealed class FailingSender(int failures, bool refuse = false) : INotificationSender
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public int Delivered => DeliveredMessages.Count;

        public List<RenderedMessage> DeliveredMessages { get; } = [];

        public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref attempts) <= failures)
            {
                throw refuse
                    ? new NotificationRefusedException($"The SMTP server refused the e-mail to {MaskedEmail} (550 RecipientNotAccepted).")
                    : new IOException($"SMTP server unavailable for {message.Destination}");
            }

            lock (DeliveredMessages)
            {
                DeliveredMessages.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
