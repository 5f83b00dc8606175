using Microsoft.Extensions.Logging;
using Sesame.Grains.Recovery;

namespace Sesame.Grains.Notifications;

/// <summary>
/// The development outbox: e-mails and SMS are written to the log, codes included, and kept in memory for tests.
/// Nothing leaves the machine. Development only: the log then holds one-time codes.
/// </summary>
public sealed partial class DevOutbox(ILogger<DevOutbox> logger) : INotificationSender
{
    /// <summary>How many sent messages are kept for reading; older ones are dropped.</summary>
    public const int Capacity = 1_000;

    private readonly Queue<RenderedMessage> sent = new();

    /// <summary>The messages sent, oldest first.</summary>
    public IReadOnlyList<RenderedMessage> Sent
    {
        get
        {
            lock (sent)
            {
                return [.. sent];
            }
        }
    }

    public Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (sent)
        {
            sent.Enqueue(message);
            if (sent.Count > Capacity)
            {
                sent.Dequeue();
            }
        }

        var destination = message.Channel == Interfaces.Recovery.CodeChannel.Email ? Masking.Email(message.Destination) : Masking.Mobile(message.Destination);
        LogSent(logger, message.Channel, destination, message.Subject, message.Body);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev outbox: {Channel} to {MaskedDestination}: {Subject}\n{Body}")]
    private static partial void LogSent(ILogger logger, Interfaces.Recovery.CodeChannel channel, string maskedDestination, string subject, string body);
}
