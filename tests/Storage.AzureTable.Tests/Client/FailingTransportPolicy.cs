using Azure.Core;
using Azure.Core.Pipeline;

namespace Sesame.Storage.AzureTable.Tests.Client;

/// <summary>Fails every attempt before it leaves, as a broken network would, and counts the attempts.</summary>
internal sealed class FailingTransportPolicy : HttpPipelinePolicy
{
    private int attempts;

    public int Attempts => Volatile.Read(ref attempts);

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref attempts);
        throw new IOException("The network is down.");
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The client is asynchronous.");
}
