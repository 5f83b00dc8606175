using System.Diagnostics.Metrics;
using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Interfaces.Telemetry;

namespace Sesame.Grains.Telemetry;

/// <summary>What becomes of outbox messages, by tenant and channel: delivered, failed (to be retried or given up), dead-lettered.</summary>
internal sealed class MessageMetrics
{
    public const string DeliveredName = "sesame.messages.delivered";
    public const string FailedName = "sesame.messages.failed";
    public const string DeadLetteredName = "sesame.messages.dead_lettered";

    private readonly Counter<long> delivered;
    private readonly Counter<long> failed;
    private readonly Counter<long> deadLettered;

    public MessageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(SesameTelemetry.MeterName);
        delivered = meter.CreateCounter<long>(DeliveredName, "{message}", "Messages handed to the e-mail or SMS server, or queued for printing, by tenant and channel.");
        failed = meter.CreateCounter<long>(FailedName, "{message}", "Delivery attempts that failed, by tenant, channel and error (transient, refused).");
        deadLettered = meter.CreateCounter<long>(DeadLetteredName, "{message}", "Messages given up, by tenant, channel and reason (refused, attempts_exhausted, expired).");
    }

    public void Delivered(string tenant, CodeChannel channel) => delivered.Add(1, new(SesameTelemetry.TenantTag, tenant), new(TagValues.Channel, TagValues.Of(channel)));

    public void Failed(string tenant, CodeChannel channel, DeliveryError error) =>
        failed.Add(1, new(SesameTelemetry.TenantTag, tenant), new(TagValues.Channel, TagValues.Of(channel)), new(TagValues.Error, TagValues.Of(error)));

    public void DeadLettered(string tenant, UndeliveredMessage message) =>
        deadLettered.Add(1, new(SesameTelemetry.TenantTag, tenant), new(TagValues.Channel, TagValues.Of(message.Channel)), new(TagValues.Reason, TagValues.Of(message.Reason)));
}
