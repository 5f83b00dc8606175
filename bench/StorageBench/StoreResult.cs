namespace Sesame.StorageBench;

/// <summary>What one store measured.</summary>
internal sealed record StoreResult(string Store, double CreatesPerSecond, Latencies Cold, Latencies Warm, double LoginsPerSecond, double RefusalsPerSecond);
