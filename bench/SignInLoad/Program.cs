// The load driver of bench/cluster.sh, on the Sésame .NET client (Client/). Commands, each ending with one RESULT line
// on stdout (see Tally.Report):
//   import  --endpoints URLS --key BACK_OFFICE_KEY --tenant T --prefix P --from I --count N [--pin PIN] [--concurrency C]
//           [--batch B]
//           ImportMembers in batches of B (default 100, at most 500; C batches in flight), identifiers P0000000…; with
//           --pin each member gets that PIN (one PBKDF2 hash each), without it none (nothing hashed: such members
//           cannot sign in). A batch's members are created one after the other, so smaller batches spread better.
//   signin  --endpoints URLS --key PORTAL_KEY --tenant T --prefix P --from I --count N --pin PIN [--concurrency C]
//           (--passes K | --duration S [--warmup S])
//           MemberAuth/Login with the right PIN: K passes over the N accounts in order, or over and over for S seconds
//           after a warm-up whose calls are not counted. Each call's latency is kept; p50/p99 over all of them.
// Every command takes --deadline S (default 300), each call's deadline.
// Account i always goes to endpoint i mod the number of endpoints, so replicas without a directory (the stand-in
// runtime) never race on one account.
using System.Diagnostics;
using Grpc.Core;
using Sesame.Client;
using Sesame.SignInLoad;
using Sesame.V1;

try
{
    var arguments = Arguments.Parse(args);
    Console.WriteLine(arguments.Command switch
    {
        "import" => await ImportAsync(arguments),
        "signin" => await SignInAsync(arguments),
        var other => throw new ArgumentException($"Unknown command '{other}': import or signin."),
    });
    return 0;
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync($"SignInLoad: {exception.Message}");
    return 2;
}

static async Task<string> ImportAsync(Arguments arguments)
{
    using var members = Members.Of(arguments);
    var pin = arguments.Has("pin") ? arguments.Text("pin") : string.Empty;
    var size = arguments.Number("batch", 100);
    if (size is 0 or > MemberAdminLimits.MaxImportBatch)
    {
        throw new ArgumentException($"--batch must be 1 to {MemberAdminLimits.MaxImportBatch}.");
    }

    var batches = (members.Count + size - 1) / size;
    var next = -1;
    var (tally, elapsed) = await DriveAsync(arguments.Number("concurrency", 4), () => Interlocked.Increment(ref next) is var batch && batch < batches ? batch : null,
        async (batch, tally) =>
        {
            var request = new ImportMembersRequest { Tenant = members.Tenant };
            var first = batch * size;
            request.Members.AddRange(Enumerable.Range(first, Math.Min(size, members.Count - first)).Select(offset => new MemberRecord { Identifier = members.Identifier(offset), Secret = pin }));
            var started = Stopwatch.GetTimestamp();
            try
            {
                var reply = await members.ClientOf(first).MemberAdmin.ImportMembersAsync(request);

                // Each record carries its batch's latency; a record left from an earlier run counts as imported.
                tally.Succeed(Stopwatch.GetElapsedTime(started), reply.Outcomes.Count);
            }
            catch (RpcException exception)
            {
                tally.Fail(exception.StatusCode.ToString(), request.Members.Count);
            }
        });
    return tally.Report(elapsed);
}

static async Task<string> SignInAsync(Arguments arguments)
{
    using var members = Members.Of(arguments);
    var pin = arguments.Text("pin");
    var concurrency = arguments.Number("concurrency", 1);
    Func<int?> next;
    long recordFrom = 0;
    long stopAt = long.MaxValue;
    if (arguments.Has("duration"))
    {
        var cursor = -1;
        recordFrom = Stopwatch.GetTimestamp() + Ticks(arguments.Seconds("warmup", 0));
        stopAt = recordFrom + Ticks(arguments.Seconds("duration"));
        next = () => Stopwatch.GetTimestamp() < stopAt ? (int)((uint)Interlocked.Increment(ref cursor) % (uint)members.Count) : null;
    }
    else
    {
        var cursor = -1;
        var calls = (long)members.Count * arguments.Number("passes", 1);
        next = () => Interlocked.Increment(ref cursor) is var call && call < calls ? call % members.Count : null;
    }

    // With --duration, sign-ins/s counts the sign-ins that ended within the counted seconds, over those seconds; the
    // latencies are those of the calls started within them, the last ones waited for.
    var endedInWindow = 0;
    var (tally, elapsed) = await DriveAsync(concurrency, next, async (account, tally) =>
    {
        var started = Stopwatch.GetTimestamp();
        string? failure;
        try
        {
            var reply = await members.ClientOf(account).LoginAsync(new LoginRequest { Tenant = members.Tenant, Identifier = members.Identifier(account), Secret = pin });
            failure = reply.Status == LoginStatus.Succeeded ? null : reply.Status.ToString();
        }
        catch (RpcException exception)
        {
            failure = exception.StatusCode.ToString();
        }

        var ended = Stopwatch.GetTimestamp();
        if (failure is null && ended >= recordFrom && ended <= stopAt)
        {
            Interlocked.Increment(ref endedInWindow);
        }

        if (started < recordFrom)
        {
            return; // warm-up
        }

        if (failure is null)
        {
            tally.Succeed(Stopwatch.GetElapsedTime(started, ended));
        }
        else
        {
            tally.Fail(failure);
        }
    }, recordFrom);
    return arguments.Has("duration") ? tally.Report(arguments.Seconds("duration"), endedInWindow) : tally.Report(elapsed);
}

// Runs `call` on `concurrency` workers, each taking the next item until `next` says null. The elapsed time runs from
// `recordFrom` (or the start, if later) to the last call's end.
static async Task<(Tally Tally, TimeSpan Elapsed)> DriveAsync(int concurrency, Func<int?> next, Func<int, Tally, Task> call, long recordFrom = 0)
{
    var start = Stopwatch.GetTimestamp();
    var tallies = await Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(async () =>
    {
        var own = new Tally();
        while (next() is { } item)
        {
            await call(item, own);
        }

        return own;
    })));
    var end = Stopwatch.GetTimestamp();
    var total = new Tally();
    foreach (var tally in tallies)
    {
        total.Merge(tally);
    }

    return (total, Stopwatch.GetElapsedTime(Math.Max(start, recordFrom), end));
}

static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

/// <summary>The members of one command: their tenant, identifiers (prefix + 7 digits from --from) and the client of each.</summary>
internal sealed class Members : IDisposable
{
    private readonly SesameClient[] clients;
    private readonly string prefix;
    private readonly int from;

    private Members(SesameClient[] clients, string tenant, string prefix, int from, int count)
    {
        this.clients = clients;
        this.prefix = prefix;
        this.from = from;
        Tenant = tenant;
        Count = count;
    }

    public string Tenant { get; }

    public int Count { get; }

    public static Members Of(Arguments arguments)
    {
        var key = arguments.Text("key");
        var endpoints = arguments.Endpoints;
        if (endpoints.Count == 0)
        {
            throw new ArgumentException("--endpoints names no server.");
        }

        var count = arguments.Number("count");
        if (count == 0)
        {
            throw new ArgumentException("--count must be at least 1.");
        }

        // A deadline, so a server that hangs shows as DeadlineExceeded rather than a bench that never ends.
        var deadline = arguments.Seconds("deadline", 300);
        var clients = endpoints.Select(endpoint => SesameClient.Create(new SesameClientOptions { Address = endpoint, ApiKey = key, DefaultDeadline = deadline })).ToArray();
        return new Members(clients, arguments.Text("tenant", "assu2000"), arguments.Text("prefix"), arguments.Number("from", 0), count);
    }

    /// <summary>The identifier of the account at <paramref name="offset"/> from --from.</summary>
    public string Identifier(int offset) => $"{prefix}{from + offset:D7}";

    /// <summary>The client of the endpoint that account <paramref name="offset"/> always goes to.</summary>
    public SesameClient ClientOf(int offset) => clients[(from + offset) % clients.Length];

    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
