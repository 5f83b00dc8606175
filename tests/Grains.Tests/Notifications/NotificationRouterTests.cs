using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>Where the host's sender sends SMS: Azure Communication Services once configured, else the dev outbox.</summary>
public sealed class NotificationRouterTests
{
    private const string Mobile = "+33712345678";

    [Fact]
    public async Task Send_SmsWithConnectionString_GoesToAzureCommunicationServices()
    {
        // Arrange
        var time = GrainsTestHost.NewClock();
        await using var server = await AcsSmsServer.StartAsync(time);
        await using var configured = await GrainsTestHost.StartAsync(time: time, notifications: options => options.Sms.ConnectionString = server.ConnectionString());
        var message = Sms(time.GetUtcNow());

        // Act
        await configured.Sender.SendAsync(message, CancellationToken.None);

        // Assert
        var received = Assert.Single(server.Received);
        Assert.Equal(("Espace", Mobile, message.Body), (received.From, received.To, received.Message));
        Assert.Empty(configured.Outbox.Sent);
    }

    [Fact]
    public async Task Send_SmsWithoutConnectionString_GoesToTheDevOutbox()
    {
        await using var host = await GrainsTestHost.StartAsync();
        var message = Sms(host.Time.GetUtcNow());

        await host.Sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(message, Assert.Single(host.SentTo(Mobile)));
    }

    private static RenderedMessage Sms(DateTimeOffset now) =>
        MessageRenderer.Render(new Notification(Guid.NewGuid().ToString("N"), NotificationKind.AccessCode, CodeChannel.Sms, Mobile, "482913", now, now.AddMinutes(10), "christian.durand"), GrainsTestHost.SpaceTenant, "Espace");
}
