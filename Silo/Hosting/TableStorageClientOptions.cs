using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace Sesame.Silo.Hosting;

/// <summary>
/// The Azure SDK options of Orleans' Azure Table clients (membership, grain state, reminders): how long an operation
/// tries before it fails, and what it fails with. The SDK's defaults (3 retries from 0.8 s, 100 s an attempt) hold a
/// call about 6 s when the store refuses connections and minutes when it does not answer, past Orleans' 30 s response
/// timeout. These give up within about 0.6 s when it refuses and 16 s when it hangs (3 attempts of 5 s), and either way
/// with a <see cref="RequestFailedException"/>, which ends the gRPC call UNAVAILABLE.
/// </summary>
internal static class TableStorageClientOptions
{
    public static TableClientOptions Create()
    {
        var options = new TableClientOptions
        {
            Retry =
            {
                Mode = RetryMode.Exponential,
                MaxRetries = 2,
                Delay = TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(2),
                NetworkTimeout = TimeSpan.FromSeconds(5),
            },
        };
        options.AddPolicy(new TimeoutAsRequestFailed(), HttpPipelinePosition.PerCall);
        return options;
    }

    /// <summary>
    /// Outside the retries: when the SDK gives up after them (an <see cref="AggregateException"/> of what each attempt
    /// met) or an attempt ran out of its network timeout (a <see cref="TaskCanceledException"/> nobody asked for), the
    /// failure becomes the one <see cref="RequestFailedException"/> a refused attempt gives. A cancellation of the
    /// caller's stays one.
    /// </summary>
    private sealed class TimeoutAsRequestFailed : HttpPipelinePolicy
    {
        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            catch (Exception exception) when (exception is OperationCanceledException or AggregateException && !message.CancellationToken.IsCancellationRequested)
            {
                throw new RequestFailedException($"The table storage did not answer: {exception.Message}", exception);
            }
        }

        /// <summary>Orleans' Azure providers call the SDK asynchronously only.</summary>
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("Orleans' table clients are asynchronous.");
    }
}
