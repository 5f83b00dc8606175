using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

public sealed class OutboxCourierGrainTests
{
    private const string Email = "sophie.martin@courriel.fr";

    [Fact]
    public async Task Delivery_CodeStoredThenProcessGone_NextProcessDeliversIt()
    {
        // Arrange: a process stores a code and its message, then ends before any delivery (its dispatcher never ran).
        var storage = new InspectableGrainStorage();
        var time = GrainsTestHost.NewClock();
        var key = GrainsTestHost.NewAccountKey();
        await using (var crashed = await GrainsTestHost.StartAsync(storage, time))
        {
            await CreateWithEmailAsync(crashed, key);
            await crashed.Account(key).StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
            Assert.Empty(crashed.Outbox.Sent);
        }

        // Act: the next process starts on the same store.
        await using var restarted = await GrainsTestHost.StartAsync(storage, time);
        await restarted.StartDispatcherAsync();

        // Assert: the message is delivered, and the outbox emptied.
        await Eventually.TrueAsync(() => restarted.Outbox.Sent.Count == 1);
        Assert.Equal(Email, restarted.Outbox.Sent[0].Destination);
        await Eventually.TrueAsync(async () => (await restarted.ReadStoredAsync(key))!.Outbox.Count == 0);
    }

    [Fact]
    public async Task Delivery_SenderFailsTwice_RetriedOnLaterSweepsAndDeliveredOnce()
    {
        // Arrange
        var sender = new FlakySender(failures: 2);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);

        // Act: the first attempt fails at once; each sweep after the retry delay tries again.
        var key = await SendCodeOnceAsync(host, sender);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => sender.Attempts == 2);
        await FailureRecordedAsync(host, key, failedDeliveries: 2);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => sender.Delivered.Count == 1);
        host.Time.Advance(TimeSpan.FromMinutes(5));

        // Assert
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        Assert.Equal(3, sender.Attempts);
        Assert.Single(sender.Delivered);
    }

    [Fact]
    public async Task Delivery_CodeExpiredBeforeDelivery_MessageLeavesTheOutbox()
    {
        // Arrange: a sender that always fails keeps the message in the outbox.
        var sender = new FlakySender(failures: int.MaxValue);
        await using var host = await GrainsTestHost.StartAsync(sender: sender);
        var key = await SendCodeOnceAsync(host, sender);

        // Act: the code's ten minutes pass.
        host.Time.Advance(TimeSpan.FromMinutes(11));

        // Assert
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        Assert.Empty(sender.Delivered);
    }

    [Fact]
    public async Task Delivery_TwoSilosEachWokeTheSchedules_EveryMessageSentOnce()
    {
        // Arrange: both silos wake the outbox shards, as each does at start.
        await using var host = await GrainsTestHost.StartAsync(silos: 2);
        await host.StartDispatcherAsync();
        var addresses = Enumerable.Range(0, 8).Select(member => $"m{member}.{Guid.NewGuid():N}@courriel.fr").ToList();

        // Act: codes asked for through one silo, then the other.
        var keys = addresses.Select(_ => GrainsTestHost.NewAccountKey()).ToList();
        for (var member = 0; member < addresses.Count; member++)
        {
            var key = keys[member];
            var account = host.GrainsOn(member % 2).GetGrain<IMemberAccountGrain>(key);
            await account.CreateAsync(new NewMemberAccount("482913", null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(addresses[member], null, []) }, GrainsTestHost.Origin, CancellationToken.None);
            await account.StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        }

        foreach (var key in keys)
        {
            await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        }

        // Assert
        Assert.All(addresses, address => Assert.Single(host.SentTo(address)));
    }

    /// <summary>Starts the dispatcher, creates a member with an e-mail, sends a code, and waits for the first delivery attempt.</summary>
    private static async Task<string> SendCodeOnceAsync(GrainsTestHost host, FlakySender sender)
    {
        await host.StartDispatcherAsync();
        var key = GrainsTestHost.NewAccountKey();
        await CreateWithEmailAsync(host, key);
        await host.Account(key).StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        await Eventually.TrueAsync(() => sender.Attempts == 1);
        await FailureRecordedAsync(host, key, failedDeliveries: 1);
        return key;
    }

    /// <summary>
    /// Waits until the account stored the failed attempt: the retry time is counted from the clock when the failure
    /// is recorded, so moving the clock between the sender's throw and that write would push the retry past the sweep.
    /// </summary>
    private static Task FailureRecordedAsync(GrainsTestHost host, string key, int failedDeliveries) =>
        Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.SingleOrDefault()?.FailedDeliveries == failedDeliveries);

    private static async Task CreateWithEmailAsync(GrainsTestHost host, string key)
    {
        var created = await host.Account(key).CreateAsync(
            new NewMemberAccount("482913", null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(Email, null, []) },
            GrainsTestHost.Origin,
            CancellationToken.None);
        Assert.Equal(AccountCreationStatus.Created, created.Status);
    }

    private sealed class FlakySender(int failures) : INotificationSender
    {
        private int attempts;

        public int Attempts => Volatile.Read(ref attempts);

        public List<RenderedMessage> Delivered { get; } = [];

        public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref attempts) <= failures)
            {
                throw new IOException("SMTP server unavailable");
            }

            lock (Delivered)
            {
                Delivered.Add(message);
            }

            Assert.Equal(CodeChannel.Email, message.Channel);
            return Task.CompletedTask;
        }
    }
}
