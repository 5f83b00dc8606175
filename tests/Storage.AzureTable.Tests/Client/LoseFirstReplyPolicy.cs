using Azure.Core;
using Azure.Core.Pipeline;

namespace Sesame.Storage.AzureTable.Tests.Client;

/// <summary>
/// Lets the first insert (POST on a table) and the first replace (PUT) reach the service, then loses their replies
/// as a dropped connection would: the pipeline retries a request that has already taken effect.
/// </summary>
internal sealed class LoseFirstReplyPolicy : HttpPipelinePolicy
{
    private readonly HashSet<RequestMethod> lost = [];

    public int LostCount
    {
        get
        {
            lock (lost)
            {
                return lost.Count;
            }
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        var request = message.Request;
        var isEntityWrite = request.Method == RequestMethod.Put || (request.Method == RequestMethod.Post && !request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal));
        lock (lost)
        {
            if (!isEntityWrite || !lost.Add(request.Method))
            {
                return;
            }
        }

        throw new IOException("The reply was lost on the way back.");
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The client is asynchronous.");
}
