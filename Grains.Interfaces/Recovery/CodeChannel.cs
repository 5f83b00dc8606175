namespace Sesame.Grains.Interfaces.Recovery;

/// <summary>How a one-time code or a notification reaches a member.</summary>
[GenerateSerializer, Alias("sesame.CodeChannel")]
public enum CodeChannel
{
    Email = 1,
    Sms = 2,

    /// <summary>A paper letter, printed by the insurer's back office and posted "sous huitaine".</summary>
    Letter = 3,
}
