using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("space-deadlines")]
internal sealed class SpaceDeadlinesGrain([PersistentState("keys")] IPersistentState<KeySetState> set) : KeySetGrain(set), ISpaceDeadlinesGrain;
