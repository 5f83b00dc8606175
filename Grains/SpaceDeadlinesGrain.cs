using Sesame.Grains.Interfaces;
using Sesame.Runtime;

namespace Sesame.Grains;

[GrainType("space-deadlines")]
internal sealed class SpaceDeadlinesGrain([PersistentState("keys")] IPersistentState<KeySetState> set) : KeySetGrain(set), ISpaceDeadlinesGrain;
