using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;

namespace Sesame.Grains.Telemetry;

/// <summary>The tag names of the grains' instruments, and their values as lower-case words.</summary>
internal static class TagValues
{
    public const string Channel = "sesame.channel";
    public const string Reason = "sesame.reason";
    public const string Error = "sesame.error";

    public static string Of(CodeChannel channel) => channel switch
    {
        CodeChannel.Email => "email",
        CodeChannel.Sms => "sms",
        _ => "letter",
    };

    public static string Of(UndeliveredReason reason) => reason switch
    {
        UndeliveredReason.Refused => "refused",
        UndeliveredReason.AttemptsExhausted => "attempts_exhausted",
        _ => "expired",
    };

    public static string Of(DeliveryError error) => error == DeliveryError.Refused ? "refused" : "transient";
}
