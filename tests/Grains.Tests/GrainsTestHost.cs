using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Storage;
using Orleans.TestingHost;
using Sesame.Grains.Notifications;
using Sesame.Grains.Hashing;
using Sesame.Grains.Hosting;
using Sesame.Grains.Protection;
using Sesame.Grains.Tests.Hashing;
using Sesame.Grains.Tests.Notifications;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

/// <summary>
/// Sésame's grains on an Orleans in-process test cluster, on a fake clock, over an <see cref="InspectableGrainStorage"/>;
/// hosts that share a storage play a deployment restarted. Calls sent through either silo of a cluster
/// (<see cref="GrainsOn"/>) play the gRPC frontends of a deployment with several processes.
/// </summary>
internal sealed class GrainsTestHost : IAsyncDisposable
{
    public const string Tenant = "assu2000";
    public const string SilentTenant = "silent";

    /// <summary>A tenant like Mon espace santé: activation with a provisional code, chosen identifiers, access codes.</summary>
    public const string SpaceTenant = "space";

    public static readonly CallOrigin Origin = new("test-portal", "203.0.113.7", "xunit");

    public static readonly string TestPepper = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly string TestGrainKeySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly string TestEncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The grain keys every test host uses.</summary>
    public static readonly IGrainKeys Keys = new GrainKeyDigest(Options.Create(new SecretHashingOptions { GrainKeySecret = TestGrainKeySecret }));

    private static readonly ConcurrentDictionary<string, string> IdentifiersByKey = new(StringComparer.Ordinal);

    private static readonly Type[] BackgroundServices = [typeof(ScheduleWakeup)];

    // Hosts on one storage play one deployment restarted: they share what was sent.
    private static readonly ConditionalWeakTable<InspectableGrainStorage, DevOutbox> Outboxes = [];

    private readonly InProcessTestCluster cluster;
    private readonly List<IHostedService> startedServices = [];

    private GrainsTestHost(InProcessTestCluster cluster, InspectableGrainStorage storage, FakeTimeProvider time)
    {
        this.cluster = cluster;
        Storage = storage;
        Time = time;
    }

    /// <summary>
    /// Starts a cluster of <paramref name="silos"/> silos whose grains run on <paramref name="time"/> (Orleans' own
    /// timers stay on the real clock) and keep their state in <paramref name="storage"/>; <paramref name="configure"/>
    /// changes each silo's composition last.
    /// </summary>
    public static async Task<GrainsTestHost> StartAsync(InspectableGrainStorage? storage = null, FakeTimeProvider? time = null, Action<SecretHashingOptions>? hashing = null, INotificationSender? sender = null, Action<NotificationOptions>? notifications = null, short silos = 1, Action<IServiceCollection>? configure = null)
    {
        time ??= NewClock();
        storage ??= new InspectableGrainStorage();
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            var services = silo.Services;
            services.AddSingleton<TimeProvider>(time);
            services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            services.AddSingleton<IGrainStorage>(provider => storage.Attach(provider.GetRequiredService<IGrainStorageSerializer>()));
            services.AddKeyedSingleton(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME, (provider, _) => provider.GetRequiredService<IGrainStorage>());
            silo.UseInMemoryReminderService();
            services.AddSingleton<ITenantPolicies>(new FixedTenantPolicies());
            if (sender is not null)
            {
                services.AddSingleton(sender);
            }

            services.AddSesameGrains();

            // E-mails and SMS wait until the test starts delivery (StartDispatcherAsync), as before a host starts.
            var sending = services.Last(service => service.ServiceType == typeof(INotificationSender));
            services.Remove(sending);
            services.AddSingleton(provider => new GatedSender(sending.ImplementationInstance as INotificationSender ?? (INotificationSender)ActivatorUtilities.CreateInstance(provider, sending.ImplementationType!)));
            services.AddSingleton<INotificationSender>(provider => provider.GetRequiredService<GatedSender>());
            services.RemoveAll<DevOutbox>();
            services.AddSingleton(Outboxes.GetValue(storage, _ => new DevOutbox(NullLogger<DevOutbox>.Instance)));

            // The dispatcher and the sweeper start when a test says so (StartDispatcherAsync), as a host starts them.
            foreach (var hosted in services.Where(service => service.ServiceType == typeof(IHostedService) && BackgroundServices.Contains(service.ImplementationType)).ToList())
            {
                services.Remove(hosted);
            }

            services.AddSingleton<ISecretHasher>(provider => new CountingSecretHasher(ActivatorUtilities.CreateInstance<Pbkdf2SecretHasher>(provider)));
            services.Configure<SecretHashingOptions>(options =>
            {
                options.Peppers["k1"] = TestPepper;
                options.CurrentPepperId = "k1";
                options.GrainKeySecret = TestGrainKeySecret;
                hashing?.Invoke(options);
            });
            if (notifications is not null)
            {
                services.Configure(notifications);
            }

            services.Configure<FieldEncryptionOptions>(options =>
            {
                options.Keys["e1"] = TestEncryptionKey;
                options.CurrentKeyId = "e1";
            });
            configure?.Invoke(services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new GrainsTestHost(cluster, storage, time);
    }

    /// <summary>A clock at the start every test host uses unless given one.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public FakeTimeProvider Time { get; }

    public InspectableGrainStorage Storage { get; }

    public IGrainFactory Grains => cluster.Client;

    /// <summary>The grain factory inside silo <paramref name="silo"/> (0-based), as that silo's gRPC frontend calls grains.</summary>
    public IGrainFactory GrainsOn(int silo) => Silos.ElementAt(silo).GetRequiredService<IGrainFactory>();

    /// <summary>The services of silo <paramref name="silo"/> (0-based): its meters, its logs.</summary>
    public IServiceProvider SiloServices(int silo = 0) => Silos.ElementAt(silo);

    /// <summary>Counts every secret checked, known account or not, on every silo.</summary>
    public int SecretsVerified => Silos.Sum(provider => ((CountingSecretHasher)provider.GetRequiredService<ISecretHasher>()).Verifications);

    /// <summary>The key of a new account with a random identifier (<see cref="IdentifierOf"/>).</summary>
    public static string NewAccountKey(string tenant = Tenant) => AccountKey(tenant, $"M{Guid.NewGuid():N}");

    /// <summary>The key of the account of <paramref name="identifier"/>.</summary>
    public static string AccountKey(string tenant, string identifier)
    {
        var key = Keys.Account(tenant, identifier);
        IdentifiersByKey[key] = identifier;
        return key;
    }

    /// <summary>The identifier a key of <see cref="NewAccountKey"/> or <see cref="AccountKey"/> was made from.</summary>
    public static string IdentifierOf(string key) => IdentifiersByKey[key];

    /// <summary>The account of <paramref name="key"/>, called through the cluster's client or through silo <paramref name="silo"/>.</summary>
    public IMemberAccountGrain Account(string key, int? silo = null) => (silo is { } index ? GrainsOn(index) : Grains).GetGrain<IMemberAccountGrain>(key);

    /// <summary>The space of the account of <paramref name="key"/>, called through the cluster's client or through silo <paramref name="silo"/>.</summary>
    public IMemberSpaceGrain Space(string key, int? silo = null) => (silo is { } index ? GrainsOn(index) : Grains).GetGrain<IMemberSpaceGrain>(key);

    /// <summary>The messages the dev outbox sent to <paramref name="destination"/>, oldest first.</summary>
    public IReadOnlyList<RenderedMessage> SentTo(string destination) => [.. Outbox.Sent.Where(message => message.Destination == destination)];

    /// <summary>Waits for the <paramref name="count"/>-th message to <paramref name="destination"/> and returns it.</summary>
    public async Task<RenderedMessage> MessageAsync(string destination, int count)
    {
        await Eventually.TrueAsync(() => SentTo(destination).Count >= count);
        return SentTo(destination)[count - 1];
    }

    public ISessionGrain Session(string token, string tenant = Tenant) => Grains.GetGrain<ISessionGrain>(TokenKey.For(tenant, token));

    /// <summary>Whether any stored record holds <paramref name="text"/>, as the store's bytes.</summary>
    public bool StoredTextContains(string text) => Storage.Dump().Any(data => data.ToString().Contains(text, StringComparison.Ordinal));

    internal Task<MemberAccountState?> ReadStoredAsync(string key) => Task.FromResult(Storage.Read<MemberAccountState>("account", AccountId(key)));

    internal Task<MemberProfileState?> ReadStoredProfileAsync(string key) => Task.FromResult(Storage.Read<MemberProfileState>("profile", AccountId(key)));

    internal Task<MemberSpaceState?> ReadStoredSpaceAsync(string key) => Task.FromResult(Storage.Read<MemberSpaceState>("space", GrainId.Create("member-space", key)));

    /// <summary>Makes the next write of an account's state fail, as a store out of reach would.</summary>
    internal void FailNextAccountWrite(string key) => Storage.FailNextWrite("account", AccountId(key));

    /// <summary>Changes an account's stored state behind every grain's back, as a process that died mid-way would leave it.</summary>
    internal Task ChangeStoredAsync(string key, Action<MemberAccountState> change)
    {
        var state = Storage.Read<MemberAccountState>("account", AccountId(key))!;
        change(state);
        Storage.Write("account", AccountId(key), state);
        return Task.CompletedTask;
    }

    /// <summary>Changes an account's stored profile behind every grain's back.</summary>
    internal Task ChangeStoredProfileAsync(string key, Action<MemberProfileState> change)
    {
        var state = Storage.Read<MemberProfileState>("profile", AccountId(key))!;
        change(state);
        Storage.Write("profile", AccountId(key), state);
        return Task.CompletedTask;
    }

    /// <summary>Lets e-mails and SMS go and wakes the cluster's schedules (outbox shards, space deadline sweeper), as a host does at start.</summary>
    public async Task StartDispatcherAsync()
    {
        foreach (var provider in Silos)
        {
            provider.GetRequiredService<GatedSender>().Open();
            foreach (var type in BackgroundServices)
            {
                var service = (IHostedService)ActivatorUtilities.CreateInstance(provider, type);
                await service.StartAsync(CancellationToken.None);
                startedServices.Add(service);
            }
        }
    }

    /// <summary>Where the first silo's instruments come from: a <c>MetricCollector</c> on it sees this host's measurements only.</summary>
    public IMeterFactory MeterFactory => Silos.First().GetRequiredService<IMeterFactory>();

    /// <summary>The cluster's reminders (in memory).</summary>
    public IReminderTable ReminderTable => Silos.First().GetRequiredService<IReminderTable>();

    /// <summary>The dev outbox every silo of this host (and of hosts on the same storage) sends to.</summary>
    public DevOutbox Outbox => Silos.First().GetRequiredService<DevOutbox>();

    /// <summary>What the couriers send with: e-mails by SMTP when configured, the rest to the dev outbox.</summary>
    public INotificationSender Sender => Silos.First().GetRequiredService<GatedSender>().Inner;

    private IEnumerable<IServiceProvider> Silos => cluster.Silos.Select(silo => cluster.GetSiloServiceProvider(silo.SiloAddress));

    internal static GrainId AccountId(string key) => GrainId.Create("member-account", key);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in startedServices)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await cluster.DisposeAsync();
    }

    private sealed class FixedTenantPolicies : ITenantPolicies
    {
        private readonly Dictionary<string, TenantPolicy> policies = new()
        {
            [Tenant] = new TenantPolicy { DisplayName = "ASSU2000" },
            [SilentTenant] = new TenantPolicy { RevealRemainingAttempts = false, Lockout = new LockoutPolicy { MaxFailedAttempts = 5, Duration = TimeSpan.FromMinutes(2) } },
            [SpaceTenant] = new TenantPolicy
            {
                DisplayName = "Espace",
                Identifier = IdentifierKind.ChosenIdentifier,
                Secret = new SecretPolicy { Kind = SecretKind.Password, Password = new PasswordRules { MinLength = 8 } },
                TermsVersion = "cgu-1",
                Activation = new ActivationPolicy { Enabled = true, PrivacyPolicyVersion = "ppdp-1" },
                SecondFactor = new SecondFactorPolicy { Enabled = true },
                Recovery = new RecoveryPolicy { Sms = new CodeChannelPolicy { Enabled = true } },
                Email = new EmailPolicy { FromAddress = "ne-pas-repondre@espace.example", FromName = "Espace (ne pas répondre)" },
                Sms = new SmsPolicy { SenderId = "Espace" },
            },
        };

        public TenantPolicy? Find(string tenantId) => policies.GetValueOrDefault(tenantId);
    }
}
