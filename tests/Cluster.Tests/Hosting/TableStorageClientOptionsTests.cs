using Azure;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Sesame.Silo.Hosting;

namespace Sesame.Cluster.Tests.Hosting;

public sealed class TableStorageClientOptionsTests
{
    [Fact]
    public async Task Create_StoreNeverAnswers_ThreeAttemptsThenRequestFailedException()
    {
        using var store = new UnansweringStore(StoreFailure.TimesOut);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => store.Table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(3, store.Attempts);
        Assert.IsType<AggregateException>(failure.InnerException);
    }

    [Fact]
    public async Task Create_StoreRefusesConnections_ThreeAttemptsThenRequestFailedException()
    {
        using var store = new UnansweringStore(StoreFailure.Refuses);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => store.Table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(3, store.Attempts);
        Assert.All(Assert.IsType<AggregateException>(failure.InnerException).InnerExceptions, attempt => Assert.IsType<RequestFailedException>(attempt));
    }

    [Fact]
    public async Task Create_CallerCancelsWhileTheStoreHangs_StaysACancellation()
    {
        using var store = new UnansweringStore(StoreFailure.Hangs);
        using var caller = new CancellationTokenSource();

        var call = store.Table.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: caller.Token);
        await store.FirstAttempt;
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    private enum StoreFailure
    {
        /// <summary>Each attempt ends as one that ran out of its network timeout does, at once.</summary>
        TimesOut,

        /// <summary>Each attempt is refused, as by a stopped store.</summary>
        Refuses,

        /// <summary>Each attempt waits until it is cancelled.</summary>
        Hangs,
    }

    /// <summary>A table client with Sésame's options over a store that never answers, counting the attempts.</summary>
    private sealed class UnansweringStore : HttpMessageHandler
    {
        private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        private readonly StoreFailure failure;
        private readonly TaskCompletionSource firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int attempts;

        public UnansweringStore(StoreFailure failure)
        {
            this.failure = failure;
            var options = TableStorageClientOptions.Create();
            options.Transport = new HttpClientTransport(new HttpClient(this));
            Table = new TableClient(new Uri("http://127.0.0.1:10002/devstoreaccount1"), "sesamegrains", new TableSharedKeyCredential("devstoreaccount1", AccountKey), options);
        }

        public TableClient Table { get; }

        public int Attempts => Volatile.Read(ref attempts);

        public Task FirstAttempt => firstAttempt.Task;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref attempts);
            firstAttempt.TrySetResult();
            if (failure == StoreFailure.TimesOut)
            {
                throw new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout.");
            }

            if (failure == StoreFailure.Refuses)
            {
                throw new HttpRequestException("Connection refused");
            }

            var never = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellationToken.Register(() => never.TrySetCanceled(cancellationToken)))
            {
                return await never.Task;
            }
        }
    }
}
