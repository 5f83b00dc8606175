using System.Net.Sockets;
using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains.Notifications;

/// <summary>Turns a sender's exception into what the outbox and the back office may keep of it.</summary>
internal static class DeliveryFailures
{
    /// <summary>
    /// A <see cref="NotificationRefusedException"/> is a refusal for good, its text masked by its sender; anything else
    /// may go away by itself, and only its type is kept, as its text may hold the address, the number or the code.
    /// </summary>
    public static DeliveryFailure Describe(string messageId, Exception exception)
    {
        if (exception is NotificationRefusedException refused)
        {
            return new DeliveryFailure(messageId, DeliveryError.Refused, refused.Message);
        }

        var reason = exception.GetType().Name;
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                reason = $"{reason} ({socket.SocketErrorCode})";
                break;
            }
        }

        return new DeliveryFailure(messageId, DeliveryError.Transient, reason);
    }
}
