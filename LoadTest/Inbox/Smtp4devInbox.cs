using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;

namespace Sesame.LoadTest.Inbox;

/// <summary>
/// The codes in smtp4dev's inbox (<c>./run-azurite.sh</c> starts one; a deployment that sends its e-mail there), read
/// through its web API: one loop lists the newest messages every 250 ms and reads each new one once.
/// </summary>
internal sealed class Smtp4devInbox : ICodeInbox, IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, List<string>> codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task polling;

    public Smtp4devInbox(Uri address, TimeProvider time)
    {
        http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        this.time = time;
        polling = Task.Run(() => PollAsync(stopping.Token));
    }

    /// <summary>
    /// Whether smtp4dev answers its API, as a clear message at start rather than journeys waiting in vain; then waits
    /// until the messages already in the inbox are read, so that a journey counting the codes it has seen before asking
    /// for a new one does not take an old code arriving late in the first read for the new one.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        using (var reply = await http.GetAsync(new Uri("api/messages?pageSize=1", UriKind.Relative), cancellationToken))
        {
            reply.EnsureSuccessStatusCode();
        }

        await firstRead.Task.WaitAsync(cancellationToken);
    }

    public ValueTask<IReadOnlyList<string>> CodesToAsync(string address, CancellationToken cancellationToken)
    {
        if (!codes.TryGetValue(address, out var list))
        {
            return ValueTask.FromResult<IReadOnlyList<string>>([]);
        }

        lock (list)
        {
            return ValueTask.FromResult<IReadOnlyList<string>>([.. list]);
        }
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ReadNewAsync(cancellationToken);
                firstRead.TrySetResult();
                await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task ReadNewAsync(CancellationToken cancellationToken)
    {
        var page = await http.GetFromJsonAsync<JsonObject>(new Uri("api/messages?pageSize=500", UriKind.Relative), cancellationToken);
        var fresh = page?["results"]?.AsArray().Select(summary => (string?)summary?["id"]).OfType<string>().Where(id => !read.Contains(id)).Reverse().ToList() ?? [];
        foreach (var id in fresh)
        {
            await using var raw = await http.GetStreamAsync(new Uri($"api/messages/{id}/raw", UriKind.Relative), cancellationToken);
            var message = await MimeMessage.LoadAsync(raw, cancellationToken);
            read.Add(id);
            if (OneTimeCodes.In(message.TextBody ?? string.Empty) is not { } code)
            {
                continue;
            }

            foreach (var to in message.To.Mailboxes)
            {
                var list = codes.GetOrAdd(to.Address, _ => []);
                lock (list)
                {
                    list.Add(code);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await polling;
        stopping.Dispose();
        http.Dispose();
    }
}
