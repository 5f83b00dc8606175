using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>The stored state of a tenant's print queue; the letters hold addresses, identifiers and codes, so they are stored encrypted.</summary>
[GenerateSerializer, Alias("sesame.state.LetterQueueState")]
internal sealed class LetterQueueState
{
    [PersonalData]
    [Id(0)]
    public List<PendingLetter> Letters { get; set; } = [];
}
