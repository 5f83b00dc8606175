using Azure;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Notifications;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>SMS sent over HTTP, signed, to a local server that implements the Azure Communication Services SMS endpoint.</summary>
public sealed class AcsSmsSenderTests : IAsyncLifetime
{
    private const string Tenant = "mnt";
    private const string Mobile = "+33612345678";
    private const string Code = "482913";

    private readonly FakeTimeProvider time = new();
    private readonly RecordingLogger<AcsSmsSender> log = new();
    private AcsSmsServer server = null!;

    public async Task InitializeAsync() => server = await AcsSmsServer.StartAsync(time);

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Send_RecoveryCode_ArrivesSignedFromTheTenantSenderToTheNumberWithTheText()
    {
        // Arrange
        var sender = Sender();
        var message = Sms(Mobile);

        // Act
        await sender.SendAsync(message, CancellationToken.None);

        // Assert: the server accepted the signature and recorded the SMS as the JSON carried it.
        var received = Assert.Single(server.Received);
        Assert.Equal(new ReceivedSms("MNT", Mobile, message.Body, DeliveryReport: false), received);
        Assert.StartsWith("Mutuelle des agents publics : code de sécurité à usage unique : 482913, valable jusqu'au ", received.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Send_WrongAccessKey_RefusedByTheServerAsTransientFailureNamingTheSetting()
    {
        // A wrong key is the operator's to fix, not the message's fault: the outbox keeps the SMS and tries again.
        var wrongKey = Convert.ToBase64String(new byte[32]);
        var sender = Sender(server.ConnectionString(wrongKey));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendAsync(Sms(Mobile), CancellationToken.None));

        Assert.Equal(401, failure.Status);
        Assert.Empty(server.Received);
        Assert.Equal(1, server.Attempts);
        Assert.Contains(log.Lines, line => line.Contains("check Sesame:Notifications:Sms:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_StaleClock_SignatureDateRefused()
    {
        var sender = Sender();
        var late = new FakeTimeProvider(time.GetUtcNow().AddMinutes(-20));
        var staleSender = new AcsSmsSender(new Policies(), Microsoft.Extensions.Options.Options.Create(Settings(server.ConnectionString())), late, log);

        await Assert.ThrowsAsync<RequestFailedException>(() => staleSender.SendAsync(Sms(Mobile), CancellationToken.None));
        await sender.SendAsync(Sms(Mobile), CancellationToken.None);

        Assert.Single(server.Received);
    }

    [Fact]
    public async Task Send_TooManyRequestsThenUnavailableThenAccepted_RetriedByThePipeline()
    {
        server.AnswerNext(429, 503);
        var sender = Sender();

        await sender.SendAsync(Sms(Mobile), CancellationToken.None);

        Assert.Single(server.Received);
        Assert.Equal(3, server.Attempts);
    }

    [Fact]
    public async Task Send_UnavailableBeyondTheRetries_TransientFailure()
    {
        server.AnswerNext(503, 503, 503);
        var sender = Sender(maxRetries: 2);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendAsync(Sms(Mobile), CancellationToken.None));

        Assert.Equal(503, failure.Status);
        Assert.Equal(3, server.Attempts);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Send_NumberTheServiceRejects_PermanentRefusalNamingTheNumberMaskedOnly()
    {
        var sender = Sender();

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(Sms(AcsSmsServer.InvalidNumber), CancellationToken.None));

        Assert.Contains("+336******00", refused.Message, StringComparison.Ordinal);
        Assert.Contains("(400)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AcsSmsServer.InvalidNumber, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts);
    }

    [Fact]
    public async Task Send_RecipientEntryNotSuccessful_PermanentRefusal()
    {
        var sender = Sender();

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(Sms(AcsSmsServer.UnreachableNumber), CancellationToken.None));

        Assert.Contains("(400)", refused.Message, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(160, 161)]
    [InlineData(70, 71)]
    public async Task Send_TextOverTheTenantLimit_RefusedBeforeAnyRequest(int fits, int over)
    {
        // 160 GSM-7 characters, or 70 once one character (ê) is outside GSM-7 and the text goes as UCS-2.
        var filler = fits == 160 ? 'a' : 'ê';
        var sender = Sender();
        await sender.SendAsync(Sms(Mobile) with { Body = new string(filler, fits) }, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(Sms(Mobile) with { Body = new string(filler, over) }, CancellationToken.None));

        Assert.Contains($"over its limit of {fits}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Sesame:Tenants:mnt:Sms:MaxLength", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Attempts);
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+0612345678")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("+3361234")]
    [InlineData("+3361234567890123")]
    public async Task Send_NumberNotInE164_RefusedBeforeAnyRequest(string number)
    {
        var sender = Sender();

        var refused = await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(Sms(number), CancellationToken.None));

        Assert.Contains("not in E.164", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(number, refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Attempts);
    }

    [Fact]
    public async Task Send_TenantWithoutSenderId_TransientFailureNamingTheSettingBeforeAnyRequest()
    {
        var sender = Sender();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(Sms(Mobile) with { Tenant = "nosender" }, CancellationToken.None));

        Assert.Contains("Sesame:Tenants:nosender:Sms:SenderId", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.Attempts);
    }

    [Fact]
    public async Task Send_SentRefusedAndUnauthorized_LogsHoldNeitherNumberNorCodeNorKey()
    {
        var sender = Sender();
        var wrongKey = Convert.ToBase64String(new byte[32]);

        await sender.SendAsync(Sms(Mobile), CancellationToken.None);
        await Assert.ThrowsAsync<NotificationRefusedException>(() => sender.SendAsync(Sms(AcsSmsServer.InvalidNumber), CancellationToken.None));
        await Assert.ThrowsAsync<RequestFailedException>(() => Sender(server.ConnectionString(wrongKey)).SendAsync(Sms(Mobile), CancellationToken.None));

        Assert.Contains(log.Lines, line => line.Contains("SMS of tenant mnt to (null) accepted", StringComparison.Ordinal) && line.Contains("Destination=<omitted> ([Sesame:Correlatable])", StringComparison.Ordinal));
        foreach (var secret in new[] { Mobile, AcsSmsServer.InvalidNumber, Code, server.AccessKey, wrongKey })
        {
            Assert.DoesNotContain(log.Lines, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private AcsSmsSender Sender(string? connectionString = null, int maxRetries = 3) =>
        new(new Policies(), Microsoft.Extensions.Options.Options.Create(Settings(connectionString ?? server.ConnectionString(), maxRetries)), time, log);

    private static NotificationOptions Settings(string connectionString, int maxRetries = 3) => new()
    {
        Sms = new SmsOptions { ConnectionString = connectionString, MaxRetries = maxRetries, RetryDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(30) },
    };

    private RenderedMessage Sms(string number)
    {
        var now = time.GetUtcNow();
        var notification = new Notification(Guid.NewGuid().ToString("N"), NotificationKind.RecoveryCode, CodeChannel.Sms, number, Code, now, now.AddMinutes(10), "1002003");
        return MessageRenderer.Render(notification, Tenant, "Mutuelle des agents publics");
    }

    private sealed class Policies : ITenantPolicies
    {
        public TenantPolicy? Find(string tenantId) => tenantId == Tenant ? new TenantPolicy { DisplayName = "Mutuelle des agents publics", Sms = new SmsPolicy { SenderId = "MNT" } } : new TenantPolicy();
    }
}
