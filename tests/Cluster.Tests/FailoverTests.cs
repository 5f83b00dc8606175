using System.Globalization;
using Sesame.Testing;
using Xunit.Abstractions;
using static Sesame.Cluster.Tests.SesameOnAzurite;

namespace Sesame.Cluster.Tests;

/// <summary>
/// A silo of two lost or replaced under load, as real processes on a real Azurite: killed (SIGKILL) while the other
/// takes wrong PINs for the accounts it held, stopped (SIGTERM) with the store down, restarted while members sign in
/// through both. The times the cluster takes are written to the test output; they are not asserted, beyond the bounds
/// a test waits at most.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailoverTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    /// <summary>How long a test waits at most for the cluster to get over a lost silo; it takes far less.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    /// <summary>How long a silo may take to stop after SIGTERM: a service manager's grace period.</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Login_SiloHoldingTheAccountsKilledWhileTheOtherTakesWrongPins_AnsweredFailuresAllCountedAndTheSurvivorServes()
    {
        // Arrange
        var settings = Settings(azurite.Azurite);
        // Room for every wrong PIN of the test without a lockout, so each answer carries the count.
        settings[$"Sesame:Tenants:{Tenant}:Lockout:MaxFailedAttempts"] = WrongPins.MaxFailedAttempts.ToString(CultureInfo.InvariantCulture);
        await using var siloA = await SiloProcess.StartAsync(settings);
        await using var clientA = NodeGrpcClient.Start(siloA.Address);
        string[] identifiers = [TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant)];
        foreach (var identifier in identifiers)
        {
            Assert.Equal("CREATE_MEMBER_STATUS_CREATED", (await CreateMemberAsync(clientA, identifier)).Field("status"));
        }

        // A was the only silo: the accounts are active on it, and stay there once B joins (Orleans moves no activation by itself).
        await using var siloB = await SiloProcess.StartAsync(settings);
        await using var clientB = NodeGrpcClient.Start(siloB.Address);
        var members = identifiers.Select(identifier => new WrongPins(clientB, identifier)).ToArray();
        var load = Task.WhenAll(members.Select(member => member.RunAsync()));
        await Eventually.TrueAsync(() => members.All(member => member.Answered >= 2), RecoveryLimit);

        // Act
        var killedAt = TimeProvider.System.GetTimestamp();
        await siloA.KillAsync();
        foreach (var member in members)
        {
            member.Killed(killedAt);
        }

        // Besides the calls in flight, new ones while the survivor does not know yet.
        await Task.WhenAll(members.Select(member => member.CallAsync()));
        await load;

        // Assert
        foreach (var member in members)
        {
            var calls = member.Calls;
            var served = calls.FirstOrDefault(call => call.SentAt > killedAt && call.Reply.Code == 0);
            var unavailable = calls.Count(call => call.Reply.Code == 14);
            var outcome = served is null
                ? "not served again"
                : string.Create(CultureInfo.InvariantCulture, $"served again by the survivor {TimeProvider.System.GetElapsedTime(killedAt, served.AnsweredAt).TotalSeconds:0.0} s after the kill");
            output.WriteLine($"{member.Identifier}: {calls.Count} calls, {unavailable} UNAVAILABLE, {outcome}");
            foreach (var refused in calls.Where(call => call.Reply.Code != 0))
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sent at {TimeProvider.System.GetElapsedTime(killedAt, refused.SentAt).TotalSeconds:0.0} s, answered at {TimeProvider.System.GetElapsedTime(killedAt, refused.AnsweredAt).TotalSeconds:0.0} s from the kill: {refused.Reply.Code} {refused.Reply.Details}"));
            }
        }

        foreach (var member in members)
        {
            var calls = member.Calls;
            var answered = calls.Where(call => call.Reply.Code == 0).Select(call => call.Reply).ToArray();
            var unavailable = calls.Count(call => call.Reply.Code == 14);
            var remaining = answered.Select(reply => int.Parse(reply.Field("remaining_attempts")!, CultureInfo.InvariantCulture)).ToArray();
            var events = await AuditEventsAsync(clientB, member.Identifier);

            // Calls in the gap are refused with a reason to retry, never INTERNAL or UNKNOWN; the others are decided.
            Assert.All(calls.Where(call => call.Reply.Code != 0), call => Assert.Equal((14, true), (call.Reply.Code, call.Reply.Details.Contains("Try again", StringComparison.Ordinal))));
            Assert.All(answered, reply => Assert.Equal("LOGIN_STATUS_INVALID_CREDENTIALS", reply.Field("status")));

            // The survivor serves the account again, on the count stored before the kill: no answered failure is
            // forgotten (its count would be told a second time).
            Assert.Contains(calls, call => call.SentAt > killedAt && call.Reply.Code == 0);
            Assert.Equal(remaining.Length, remaining.Distinct().Count());

            // The trail agrees with the count: every answered failure, plus any refused in the gap that had been stored.
            var failures = events.Count("AUDIT_EVENT_LOGIN_FAILED");
            Assert.Equal(WrongPins.MaxFailedAttempts - remaining.Min(), failures);
            Assert.InRange(failures, answered.Length, answered.Length + unavailable);
        }
    }

    [Fact]
    public async Task Sigterm_AzuriteDown_SiloHasExitedWhenThe30SecondWaitEnds()
    {
        // Arrange
        await using var own = await Azurite.StartAsync();
        await using var silo = await SiloProcess.StartAsync(Settings(own));
        await using var client = NodeGrpcClient.Start(silo.Address);
        var identifier = TestIdentifiers.For(Tenant);
        Assert.Equal("CREATE_MEMBER_STATUS_CREATED", (await CreateMemberAsync(client, identifier)).Field("status"));
        Assert.Equal("LOGIN_STATUS_SUCCEEDED", (await LoginAsync(client, identifier, Pin)).Field("status"));
        await own.StopAsync();

        // Act
        var signalledAt = TimeProvider.System.GetTimestamp();
        await silo.TerminateAsync();
        var exited = await silo.ExitsWithinAsync(StopLimit);

        // Assert
        output.WriteLine(exited
            ? string.Create(CultureInfo.InvariantCulture, $"SIGTERM with Azurite down: exited after {TimeProvider.System.GetElapsedTime(signalledAt).TotalSeconds:0.0} s")
            : "SIGTERM with Azurite down: still running when the 30 s wait ended");
        output.WriteLine(Tail(silo.Output, 3));
        Assert.True(exited, $"The silo was still running 30 s after SIGTERM. Its output ends with:{Environment.NewLine}{Tail(silo.Output)}");
    }

    [Fact]
    public async Task Login_OneOfTwoSilosRestartedUnderLoad_EveryCallRetriedOnUnavailableSucceedsAndCountsStayExact()
    {
        // Arrange
        var settings = Settings(azurite.Azurite);
        // A comes back on its silo endpoint, as a redeployed process on the same host would.
        var settingsA = new Dictionary<string, string>(settings);
        foreach (var (setting, port) in FreePorts.SiloSettings())
        {
            settingsA[setting] = port!;
        }

        var siloA = await SiloProcess.StartAsync(settingsA);
        SiloProcess? restartedA = null;
        await using var siloB = await SiloProcess.StartAsync(settings);
        await using var endpoints = new Endpoints(NodeGrpcClient.Start(siloA.Address), NodeGrpcClient.Start(siloB.Address));
        try
        {
            string[] identifiers = [TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant), TestIdentifiers.For(Tenant)];
            foreach (var identifier in identifiers)
            {
                Assert.Equal("CREATE_MEMBER_STATUS_CREATED", (await CreateMemberAsync(endpoints[1].Client, identifier)).Field("status"));
            }

            using var stop = new CancellationTokenSource();
            var members = identifiers.Select((identifier, index) => new SigningIn(endpoints, identifier, index)).ToArray();
            var load = Task.WhenAll(members.Select(member => member.RunAsync(stop.Token)));
            await Eventually.TrueAsync(() => members.All(member => member.Calls.Count >= 2), RecoveryLimit);

            // Act
            var signalledAt = TimeProvider.System.GetTimestamp();
            await siloA.TerminateAsync();
            var exited = await siloA.ExitsWithinAsync(StopLimit);
            var stoppedAt = TimeProvider.System.GetTimestamp();
            Assert.True(exited, $"A was still running 30 s after SIGTERM. Its output ends with:{Environment.NewLine}{Tail(siloA.Output)}");
            restartedA = await SiloProcess.StartAsync(settingsA);
            var restartedAt = TimeProvider.System.GetTimestamp();
            endpoints.Replace(0, "A restarted", NodeGrpcClient.Start(restartedA.Address));
            await Eventually.TrueAsync(() => members.All(member => member.Calls.Any(call => call.Attempts[^1].Endpoint == "A restarted")), RecoveryLimit);
            await stop.CancelAsync();
            await load;

            // Assert
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A stopped {TimeProvider.System.GetElapsedTime(signalledAt, stoppedAt).TotalSeconds:0.0} s after SIGTERM and served again {TimeProvider.System.GetElapsedTime(stoppedAt, restartedAt).TotalSeconds:0.0} s later."));
            foreach (var member in members)
            {
                var calls = member.Calls;
                output.WriteLine($"{member.Identifier}: {calls.Count} calls, {calls.Count(call => call.Attempts.Count > 1)} retried ({string.Join(", ", calls.SelectMany(call => call.Attempts.SkipLast(1)).Select(attempt => $"{attempt.Endpoint}: {attempt.Reply.Details}").Distinct())})");
            }

            foreach (var member in members)
            {
                var calls = member.Calls;
                var events = await AuditEventsAsync(endpoints[1].Client, member.Identifier);

                // Under load: each member's calls went on while A was stopping and starting again.
                Assert.Contains(calls, call => call.SentAt > signalledAt && call.SentAt < restartedAt);

                // Every call succeeded, after retries on UNAVAILABLE at most, and was decided once: a wrong PIN after a
                // success always leaves 4 attempts (a wrong PIN counted twice would leave 3).
                Assert.All(calls, call => Assert.All(call.Attempts.SkipLast(1), attempt => Assert.Equal(14, attempt.Reply.Code)));
                Assert.All(calls, call => Assert.Equal(call.Expected, (call.Attempts[^1].Reply.Field("status"), call.Attempts[^1].Reply.Field("remaining_attempts"))));

                // The trail holds exactly the calls made.
                Assert.Equal(calls.Count(call => call.Secret == WrongPin), events.Count("AUDIT_EVENT_LOGIN_FAILED"));
                Assert.Equal(calls.Count(call => call.Secret == Pin), events.Count("AUDIT_EVENT_LOGIN_SUCCEEDED"));
            }
        }
        finally
        {
            await siloA.DisposeAsync();
            if (restartedA is not null)
            {
                await restartedA.DisposeAsync();
            }
        }
    }

    /// <summary>The last log entries of a silo's output, without their stack traces.</summary>
    private static string Tail(string text, int entries = 60) => string.Join(Environment.NewLine, text
        .Split(Environment.NewLine)
        .Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("---", StringComparison.Ordinal))
        .TakeLast(entries));

    /// <summary>
    /// One account's wrong PINs through one silo: one after another until the survivor has answered one sent after
    /// the kill (or <see cref="RecoveryLimit"/> has passed), a short backoff after a call refused UNAVAILABLE, as a
    /// client's retry policy would; and any sent beside them with <see cref="CallAsync"/>.
    /// </summary>
    private sealed class WrongPins(NodeGrpcClient client, string identifier)
    {
        public const int MaxFailedAttempts = 20;

        private readonly List<Call> calls = [];
        private long killedAt;

        public string Identifier => identifier;

        public int Answered
        {
            get
            {
                lock (calls)
                {
                    return calls.Count(call => call.Reply.Code == 0);
                }
            }
        }

        public IReadOnlyList<Call> Calls
        {
            get
            {
                lock (calls)
                {
                    return [.. calls];
                }
            }
        }

        public void Killed(long at) => Interlocked.Exchange(ref killedAt, at);

        public async Task RunAsync()
        {
            // Short of the lockout, so the count stays in the answers; the test fails if the survivor never serves.
            while (Answered < MaxFailedAttempts - 2)
            {
                var call = await CallAsync();
                var killed = Interlocked.Read(ref killedAt);
                if (killed != 0 && ((call.SentAt > killed && call.Reply.Code == 0) || TimeProvider.System.GetElapsedTime(killed) > RecoveryLimit))
                {
                    return;
                }

                if (call.Reply.Code != 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
                }
            }
        }

        /// <summary>One wrong PIN, without a deadline: the server decides how the call ends, however long the gap.</summary>
        public async Task<Call> CallAsync()
        {
            var sentAt = TimeProvider.System.GetTimestamp();
            var reply = await client.CallAsync("sesame.v1.MemberAuth/Login", new { tenant = Tenant, identifier, secret = WrongPin }, PortalMetadata);
            var call = new Call(sentAt, TimeProvider.System.GetTimestamp(), reply);
            lock (calls)
            {
                calls.Add(call);
            }

            return call;
        }

        public sealed record Call(long SentAt, long AnsweredAt, GrpcCallResult Reply);
    }

    /// <summary>The two silos' gRPC endpoints as a client sees them: A's is replaced when A comes back.</summary>
    private sealed class Endpoints(NodeGrpcClient a, NodeGrpcClient b) : IAsyncDisposable
    {
        private readonly List<NodeGrpcClient> clients = [a, b];
        private readonly (string Name, NodeGrpcClient Client)[] current = [("A", a), ("B", b)];

        public (string Name, NodeGrpcClient Client) this[int index]
        {
            get
            {
                lock (clients)
                {
                    return current[index];
                }
            }
        }

        public void Replace(int index, string name, NodeGrpcClient client)
        {
            lock (clients)
            {
                clients.Add(client);
                current[index] = (name, client);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// A member signing in again and again as a portal would for them: a wrong PIN then the right one, through the two
    /// endpoints in turn, a second apart. A call refused UNAVAILABLE is sent again through the other endpoint after a
    /// backoff, <see cref="MaxAttempts"/> times at most, as a client's retry policy would.
    /// </summary>
    private sealed class SigningIn(Endpoints endpoints, string identifier, int first)
    {
        private const int MaxAttempts = 5;

        /// <summary>Two audit entries a round: with the account's creation, the rounds fit in its 100-entry trail.</summary>
        private const int MaxRounds = 45;

        private readonly List<Call> calls = [];

        public string Identifier => identifier;

        public IReadOnlyList<Call> Calls
        {
            get
            {
                lock (calls)
                {
                    return [.. calls];
                }
            }
        }

        public async Task RunAsync(CancellationToken stop)
        {
            for (var round = 0; round < MaxRounds && !stop.IsCancellationRequested; round++)
            {
                await CallAsync(WrongPin, ("LOGIN_STATUS_INVALID_CREDENTIALS", "4"), 2 * round);
                await CallAsync(Pin, ("LOGIN_STATUS_SUCCEEDED", null), (2 * round) + 1);

                // The member's pace, not a wait for anything: the load stays light enough for the slowest machine.
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), TimeProvider.System, stop);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
            }
        }

        private async Task CallAsync(string secret, (string, string?) expected, int turn)
        {
            var sentAt = TimeProvider.System.GetTimestamp();
            var attempts = new List<(string Endpoint, GrpcCallResult Reply)>();
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var (name, client) = endpoints[(first + turn + attempt) % 2];
                var reply = await LoginAsync(client, identifier, secret);
                attempts.Add((name, reply));
                if (reply.Code != 14)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250 * (attempt + 1)), TimeProvider.System);
            }

            lock (calls)
            {
                calls.Add(new Call(secret, expected, sentAt, attempts));
            }
        }

        public sealed record Call(string Secret, (string Status, string? Remaining) Expected, long SentAt, IReadOnlyList<(string Endpoint, GrpcCallResult Reply)> Attempts);
    }
}
