using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Interop.Tests;

/// <summary>
/// A provider outage that lasts: a Sésame whose SMTP server is a loopback port nothing listens on (connection refused,
/// a transient failure), whose clock these tests move past the retries, and what the back office then sees.
/// </summary>
public sealed class UndeliveredMessagesInteropTests : IAsyncLifetime
{
    private const string Tenant = "assu2000";
    private const string Identifier = "AS100001";

    private SesameServer? server;

    private SesameServer Server => server!;

    public async Task InitializeAsync() =>
        server = await SesameServer.StartAsync(new Dictionary<string, string?>
        {
            ["Sesame:Notifications:Smtp:Host"] = "127.0.0.1",
            ["Sesame:Notifications:Smtp:Port"] = ClosedPort().ToString(CultureInfo.InvariantCulture),
            ["Sesame:Notifications:Smtp:Security"] = "None",
            ["Sesame:Notifications:Email:MaxAttempts"] = "3",
        });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    [Fact]
    public async Task ListUndeliveredMessages_SmtpServerDownPastTheRetries_MessageListedMaskedWithoutTheCode()
    {
        // Arrange
        var start = await Server.Client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = Tenant, identifier = Identifier, flow_id = RandomToken.New() }, SesameServer.Portal(Tenant));
        Assert.Equal("CODE_CHANNEL_EMAIL", start.Field("channel"));

        // Act: a minute at a time (the sweep's pace), until the third attempt fails.
        var undelivered = await UndeliveredAsync();
        for (var minute = 0; minute < 9 && undelivered.Length == 0; minute++)
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(1));
            undelivered = await UndeliveredAsync();
        }

        await Eventually.TrueAsync(async () => (undelivered = await UndeliveredAsync()).Length == 1);

        // Assert
        var message = undelivered[0];
        Assert.Equal(
            (Identifier, "MESSAGE_KIND_RECOVERY_CODE", "CODE_CHANNEL_EMAIL", "s****@c****.fr", "UNDELIVERED_REASON_ATTEMPTS_EXHAUSTED", 3, "DELIVERY_ERROR_TRANSIENT"),
            ((string?)message["identifier"], (string?)message["kind"], (string?)message["channel"], (string?)message["masked_destination"], (string?)message["reason"], (int?)message["attempts"], (string?)message["last_error"]));
        Assert.Contains("ConnectionRefused", (string?)message["last_error_message"], StringComparison.Ordinal);
        Assert.NotNull(message["first_attempt_at"]);
        Assert.NotNull(message["last_attempt_at"]);
        Assert.DoesNotContain("sophie.martin", message.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Outbox.Sent, sent => sent.Destination == "sophie.martin@courriel.fr");
    }

    [Fact]
    public async Task DismissUndeliveredMessages_DealtWith_NoLongerListed()
    {
        // Arrange
        await Server.Client.CallAsync("sesame.v1.MemberRecovery/StartRecovery", new { tenant = Tenant, identifier = Identifier, flow_id = RandomToken.New() }, SesameServer.Portal(Tenant));
        for (var minute = 0; minute < 9 && (await UndeliveredAsync()).Length == 0; minute++)
        {
            Server.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await Eventually.TrueAsync(async () => (await UndeliveredAsync()).Length == 1);
        var id = (string)(await UndeliveredAsync())[0]["message_id"]!;

        // Act
        var dismissed = await Server.Client.CallAsync("sesame.v1.MemberAdmin/DismissUndeliveredMessages", new { tenant = Tenant, message_ids = new[] { id } }, SesameServer.BackOffice);

        // Assert
        Assert.Equal((0, "1"), (dismissed.Code, dismissed.Field("removed")));
        Assert.Empty(await UndeliveredAsync());
    }

    [Fact]
    public async Task ListUndeliveredMessages_PortalKey_PermissionDenied()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/ListUndeliveredMessages", new { tenant = Tenant }, SesameServer.Portal(Tenant));

        Assert.Equal(7, result.Code);
    }

    private async Task<JsonObject[]> UndeliveredAsync()
    {
        var result = await Server.Client.CallAsync("sesame.v1.MemberAdmin/ListUndeliveredMessages", new { tenant = Tenant }, SesameServer.BackOffice);
        Assert.Equal(0, result.Code);
        return [.. (result.Response!["messages"]?.AsArray() ?? []).Select(message => message!.AsObject())];
    }

    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
