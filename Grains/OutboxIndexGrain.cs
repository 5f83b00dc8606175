using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("outbox-index")]
internal sealed class OutboxIndexGrain([PersistentState("keys")] IPersistentState<KeySetState> set) : KeySetGrain(set), IOutboxIndexGrain;
