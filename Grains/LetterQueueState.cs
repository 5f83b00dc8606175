using Sesame.Grains.Interfaces.Notifications;

namespace Sesame.Grains;

/// <summary>The stored state of a tenant's print queue.</summary>
internal sealed class LetterQueueState
{
    public List<PendingLetter> Letters { get; set; } = [];
}
