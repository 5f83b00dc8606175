namespace Sesame.Grains.Notifications;

/// <summary>
/// The server refused the message for good (a 5xx reply: unknown recipient, sender not allowed, message rejected), so
/// sending it again unchanged will fail again. Its text names the destination only masked.
/// </summary>
public sealed class NotificationRefusedException : Exception
{
    public NotificationRefusedException()
    {
    }

    public NotificationRefusedException(string message)
        : base(message)
    {
    }

    public NotificationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
