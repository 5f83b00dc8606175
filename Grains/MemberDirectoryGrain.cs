using Sesame.Grains.Interfaces;

namespace Sesame.Grains;

[GrainType("member-directory")]
internal sealed class MemberDirectoryGrain([PersistentState("keys")] IPersistentState<KeySetState> set) : KeySetGrain(set), IMemberDirectoryGrain;
