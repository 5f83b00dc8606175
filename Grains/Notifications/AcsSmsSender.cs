using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Grains.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>
/// Sends SMS through the Azure Communication Services SMS REST API (<c>POST {endpoint}/sms?api-version=2021-03-07</c>)
/// on Azure.Core's pipeline: each attempt signed with the access key (<see cref="AcsHmacPolicy"/>), 408, 429, 5xx and
/// network failures retried within <see cref="SmsOptions"/>. The sender is the tenant's <see cref="SmsPolicy.SenderId"/>.
/// A failure throws, so the outbox keeps the message: a permanent refusal (a number not in E.164, a text over the
/// tenant's <see cref="SmsPolicy.MaxLength"/>, any other 4xx, a recipient the service refuses) as
/// <see cref="NotificationRefusedException"/>, anything else (a wrong key: 401, the service unavailable after the
/// retries, a tenant without a sender id) as it came. Logs show the number masked, never the text nor the key.
/// </summary>
internal sealed partial class AcsSmsSender : INotificationSender
{
    private const string ApiVersion = "2021-03-07";

    private readonly ITenantPolicies tenants;
    private readonly ILogger<AcsSmsSender> logger;
    private readonly Lazy<(HttpPipeline Pipeline, Uri Endpoint)> client;

    public AcsSmsSender(ITenantPolicies tenants, IOptions<NotificationOptions> options, TimeProvider time, ILogger<AcsSmsSender> logger)
    {
        this.tenants = tenants;
        this.logger = logger;
        client = new(() => Build(options.Value.Sms, time));
    }

    public async Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!SmsPolicy.IsE164(message.Destination))
        {
            LogNotE164(logger, message.Tenant);
            throw new NotificationRefusedException($"The SMS of tenant {message.Tenant} is for a number not in E.164 (+ then 8 to 15 digits).");
        }

        var masked = Masking.Mobile(message.Destination);
        var policy = tenants.Find(message.Tenant)?.Sms ?? new SmsPolicy();
        var (length, limit) = (SmsText.Length(message.Body), SmsText.LimitFor(message.Body, policy.MaxLength));
        if (length > limit)
        {
            var encoding = SmsText.IsGsm7(message.Body) ? "GSM-7" : "UCS-2";
            LogTooLong(logger, message.Tenant, message.Destination, length, encoding, limit);
            throw new NotificationRefusedException($"The SMS of tenant {message.Tenant} to {masked} is {length} {encoding} characters, over its limit of {limit} (Sesame:Tenants:{message.Tenant}:Sms:MaxLength).");
        }

        if (policy.SenderId.Length == 0)
        {
            LogNoSender(logger, message.Tenant);
            throw new InvalidOperationException($"Tenant {message.Tenant} has no SMS sender: set Sesame:Tenants:{message.Tenant}:Sms:SenderId.");
        }

        var (pipeline, endpoint) = client.Value;
        using var http = pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Post;
        http.Request.Uri.Reset(new Uri(endpoint, $"sms?api-version={ApiVersion}"));
        http.Request.Headers.SetValue("Content-Type", "application/json");
        http.Request.Headers.SetValue("Accept", "application/json");
        http.Request.Content = RequestContent.Create(Body(policy.SenderId, message));
        try
        {
            await pipeline.SendAsync(http, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogTransientFailure(logger, message.Tenant, message.Destination, exception.GetType().Name);
            throw;
        }

        var status = http.Response.Status;
        if (status == 202 && Recipient(http.Response) is { } recipient)
        {
            if (recipient.Successful)
            {
                LogSent(logger, message.Tenant, message.Destination, recipient.MessageId);
                return;
            }

            status = recipient.HttpStatusCode;
        }

        switch (status)
        {
            case 401 or 403:
                LogUnauthorized(logger, endpoint.Host, status);
                throw new RequestFailedException(status, $"Azure Communication Services refused the credentials ({status}).");
            case >= 400 and < 500 and not (408 or 429):
                LogRefused(logger, message.Tenant, message.Destination, status);
                throw new NotificationRefusedException($"Azure Communication Services refused the SMS of tenant {message.Tenant} to {masked} ({status}).");
            default:
                // The service's error text may quote the number: only the status is kept.
                LogTransientFailure(logger, message.Tenant, message.Destination, $"status {status}");
                throw new RequestFailedException(status, $"Azure Communication Services did not send the SMS of tenant {message.Tenant} to {masked} ({status}).");
        }
    }

    private static (HttpPipeline, Uri) Build(SmsOptions sms, TimeProvider time)
    {
        var connection = AcsConnectionString.TryParse(sms.ConnectionString, out var error)
            ?? throw new InvalidOperationException($"Sesame:Notifications:Sms:ConnectionString {error}");
        var clientOptions = new AcsSmsClientOptions();
        clientOptions.Retry.MaxRetries = sms.MaxRetries;
        clientOptions.Retry.Delay = sms.RetryDelay;
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.NetworkTimeout = sms.Timeout;
        var endpoint = connection.Endpoint.AbsoluteUri.EndsWith('/') ? connection.Endpoint : new Uri(connection.Endpoint.AbsoluteUri + "/");
        return (HttpPipelineBuilder.Build(clientOptions, new AcsHmacPolicy(connection.AccessKey, time)), endpoint);
    }

    private static ReadOnlyMemory<byte> Body(string sender, RenderedMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("from", sender);
            writer.WriteStartArray("smsRecipients");
            writer.WriteStartObject();
            writer.WriteString("to", message.Destination);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("message", message.Body);
            writer.WriteStartObject("smsSendOptions");
            writer.WriteBoolean("enableDeliveryReport", false);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    // The reply's one entry for the one recipient; null when the reply is not the documented JSON.
    private static (bool Successful, int HttpStatusCode, string MessageId)? Recipient(Response response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content);
            var entry = document.RootElement.GetProperty("value")[0];
            return (entry.GetProperty("successful").GetBoolean(), entry.GetProperty("httpStatusCode").GetInt32(), entry.TryGetProperty("messageId", out var id) ? id.GetString() ?? string.Empty : string.Empty);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS of tenant {Tenant} to {Destination} accepted by Azure Communication Services as {MessageId}.")]
    private static partial void LogSent(ILogger logger, string tenant, [CorrelatableData] string destination, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An SMS of tenant {Tenant} is for a number not in E.164; it is not sent.")]
    private static partial void LogNotE164(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMS of tenant {Tenant} to {Destination} is {Length} {Encoding} characters, over its limit of {Limit}; it is not sent.")]
    private static partial void LogTooLong(ILogger logger, string tenant, [CorrelatableData] string destination, int length, string encoding, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tenant {Tenant} has no SMS sender: set Sesame:Tenants:{Tenant}:Sms:SenderId. The SMS will be tried again.")]
    private static partial void LogNoSender(ILogger logger, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Communication Services refused the SMS of tenant {Tenant} to {Destination} for good ({StatusCode}); sending again will not help.")]
    private static partial void LogRefused(ILogger logger, string tenant, [CorrelatableData] string destination, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Azure Communication Services at {Host} refused the request's signature ({StatusCode}): check Sesame:Notifications:Sms:ConnectionString. The SMS will be tried again.")]
    private static partial void LogUnauthorized(ILogger logger, string host, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS of tenant {Tenant} to {Destination} not sent ({Failure}); it will be tried again.")]
    private static partial void LogTransientFailure(ILogger logger, string tenant, [CorrelatableData] string destination, string failure);
}
