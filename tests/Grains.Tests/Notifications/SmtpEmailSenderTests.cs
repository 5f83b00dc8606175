using System.Net;
using System.Net.Sockets;
using MimeKit;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>E-mails sent through MailKit to a real SMTP server process (smtp4dev), and read back from it.</summary>
public sealed class SmtpEmailSenderTests(Smtp4devFixture smtp) : IClassFixture<Smtp4devFixture>
{
    [Fact]
    public async Task Send_RecoveryCode_ReceivedFromTheTenantMultipartWithTheCodeAndItsMessageId()
    {
        // Arrange
        await using var host = await GrainsTestHost.StartAsync(notifications: smtp.Configure);
        var address = NewAddress();
        var notification = CodeFor(address, host.Time.GetUtcNow());
        var message = MessageRenderer.Render(notification, GrainsTestHost.Tenant, "ASSU2000");

        // Act
        await host.Sender.SendAsync(message, CancellationToken.None);

        // Assert: what the server received, as a mail client would read it.
        var received = Assert.Single(await smtp.Server.WaitForMessagesToAsync(address));
        var from = Assert.Single(received.From.Mailboxes);
        Assert.Equal(("ASSU2000", "no-reply@assu2000.sesame.invalid"), (from.Name, from.Address));
        Assert.Equal(address, Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("ASSU2000 : votre code de sécurité", received.Subject);
        Assert.Equal($"{notification.Id}@sesame.assu2000", received.MessageId);
        Assert.Equal("auto-generated", received.Headers["Auto-Submitted"]);
        var parts = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], parts.Select(part => part.ContentType.MimeType).ToArray());
        Assert.Equal(message.Body.ReplaceLineEndings(), received.TextBody?.ReplaceLineEndings());
        Assert.Equal(message.HtmlBody.ReplaceLineEndings(), received.HtmlBody?.ReplaceLineEndings());
        Assert.Contains("Votre code de sécurité à usage unique : 482913.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains(">482913</strong>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Si vous n'êtes pas à l'origine de cette demande", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TenantWithItsOwnSender_FromThatAddressAndName()
    {
        await using var host = await GrainsTestHost.StartAsync(notifications: smtp.Configure);
        var address = NewAddress();

        await host.Sender.SendAsync(MessageRenderer.Render(CodeFor(address, host.Time.GetUtcNow()), GrainsTestHost.SpaceTenant, "Espace"), CancellationToken.None);

        var from = Assert.Single(Assert.Single(await smtp.Server.WaitForMessagesToAsync(address)).From.Mailboxes);
        Assert.Equal(("Espace (ne pas répondre)", "ne-pas-repondre@espace.example"), (from.Name, from.Address));
    }

    [Fact]
    public async Task Send_SameOutboxMessageTwice_BothCarryTheSameMessageId()
    {
        // A retried delivery (its first reply lost) is recognisable as the same message.
        await using var host = await GrainsTestHost.StartAsync(notifications: smtp.Configure);
        var address = NewAddress();
        var message = MessageRenderer.Render(CodeFor(address, host.Time.GetUtcNow()), GrainsTestHost.Tenant, "ASSU2000");

        await host.Sender.SendAsync(message, CancellationToken.None);
        await host.Sender.SendAsync(message, CancellationToken.None);

        var received = await smtp.Server.WaitForMessagesToAsync(address, 2);
        Assert.All(received, email => Assert.Equal($"{message.Id}@sesame.assu2000", email.MessageId));
    }

    [Fact]
    public async Task Send_RecipientRefused_PermanentRefusalNamingTheAddressMaskedOnly()
    {
        await using var host = await GrainsTestHost.StartAsync(notifications: smtp.Configure);
        var address = $"{Smtp4devFixture.RefusedPrefix}.{Guid.NewGuid():N}@courriel.fr";
        var message = MessageRenderer.Render(CodeFor(address, host.Time.GetUtcNow()), GrainsTestHost.Tenant, "ASSU2000");

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => host.Sender.SendAsync(message, CancellationToken.None));

        Assert.Contains("r****@c****.fr", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(address, refused.Message, StringComparison.Ordinal);
        Assert.Contains("RecipientNotAccepted", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await smtp.Server.MessagesToAsync(address));
    }

    [Fact]
    public async Task Delivery_RecipientRefused_DeadLetteredAtOnceWithTheAddressMasked()
    {
        await using var host = await GrainsTestHost.StartAsync(notifications: smtp.Configure);
        await host.StartDispatcherAsync();
        var address = $"{Smtp4devFixture.RefusedPrefix}.{Guid.NewGuid():N}@courriel.fr";
        var key = await StartRecoveryAsync(host, address);

        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);

        var deadLetter = Assert.Single(await host.Grains.GetGrain<IDeadLetterGrain>(GrainsTestHost.Tenant).ListAsync(CancellationToken.None));
        Assert.Equal((UndeliveredReason.Refused, 1, DeliveryError.Refused, "r****@c****.fr"), (deadLetter.Reason, deadLetter.Attempts, deadLetter.LastError!.Value, deadLetter.MaskedDestination));
        Assert.Contains("550", deadLetter.LastErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(address, deadLetter.LastErrorMessage, StringComparison.Ordinal);
        Assert.Empty(await smtp.Server.MessagesToAsync(address));
        Assert.Empty(host.Outbox.Sent);
    }

    [Fact]
    public async Task Delivery_ServerDown_MessageKeptThenDeliveredOnceTheServerIsUp()
    {
        // Arrange: the SMTP server's port, with nothing listening on it yet (connection refused).
        var port = FreePort();
        await using var host = await GrainsTestHost.StartAsync(notifications: options => options.Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SmtpSecurity.None, Timeout = TimeSpan.FromSeconds(10) });
        await host.StartDispatcherAsync();
        var address = NewAddress();
        var key = await StartRecoveryAsync(host, address);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.SingleOrDefault()?.FailedDeliveries == 1);
        var pending = (await host.ReadStoredAsync(key))!.Outbox.Single();
        var id = pending.Message.Id;
        Assert.Equal(DeliveryError.Transient, pending.LastError);
        Assert.Contains("ConnectionRefused", pending.LastErrorMessage, StringComparison.Ordinal);

        // Act: the server comes up; the next sweep after the retry delay tries again.
        await using var server = await Smtp4dev.StartAsync(port);
        host.Time.Advance(TimeSpan.FromMinutes(1));

        // Assert
        var received = Assert.Single(await server.WaitForMessagesToAsync(address));
        Assert.Equal($"{id}@sesame.assu2000", received.MessageId);
        Assert.Matches("usage unique : [0-9]{6}\\.", received.TextBody);
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        Assert.Empty(host.Outbox.Sent);
    }

    private static string NewAddress() => $"s{Guid.NewGuid():N}@courriel.fr";

    private static Notification CodeFor(string address, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString("N"), NotificationKind.RecoveryCode, CodeChannel.Email, address, "482913", now, now.AddMinutes(10), "AS100001");

    private static async Task<string> StartRecoveryAsync(GrainsTestHost host, string address)
    {
        var key = GrainsTestHost.NewAccountKey();
        var created = await host.Account(key).CreateAsync(new NewMemberAccount("482913", null) { Identifier = GrainsTestHost.IdentifierOf(key), Contacts = new MemberContacts(address, null, []) }, GrainsTestHost.Origin, CancellationToken.None);
        Assert.Equal(AccountCreationStatus.Created, created.Status);
        await host.Account(key).StartRecoveryAsync(null, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        return key;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
