using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>The stored state of a tenant's dead letters; they hold members' identifiers, so they are stored encrypted.</summary>
[GenerateSerializer, Alias("sesame.state.DeadLetterState")]
internal sealed class DeadLetterState
{
    [PersonalData]
    [Id(0)]
    public List<UndeliveredMessage> Messages { get; set; } = [];
}
