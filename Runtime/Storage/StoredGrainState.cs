namespace Sesame.Runtime.Storage;

/// <summary>One stored state record: its serialized bytes and its version.</summary>
public sealed record StoredGrainState(ReadOnlyMemory<byte> Data, string Etag);
