namespace Sesame.Grains.Notifications;

/// <summary>
/// The message was refused for good (an SMTP 5xx reply: unknown recipient, message rejected; an SMS service's 4xx or a
/// number it rejects; a number not in E.164 or a text over the tenant's SMS limit), so sending it again unchanged will
/// fail again. Its text names the destination only masked.
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
