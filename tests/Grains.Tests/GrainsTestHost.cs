using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sesame.Grains.Notifications;
using Sesame.Grains.Hashing;
using Sesame.Grains.Hosting;
using Sesame.Grains.Protection;
using Sesame.Grains.Tests.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Runtime;
using Sesame.Runtime.Hosting;
using Sesame.Runtime.Storage;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

/// <summary>Sésame's grains on a manual clock over a memory store; several hosts may share a store to play replicas.</summary>
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

    private readonly ServiceProvider provider;
    private readonly List<IHostedService> startedServices = [];

    public GrainsTestHost(MemoryGrainStorage? storage = null, ManualTimeProvider? time = null, Action<SecretHashingOptions>? hashing = null, INotificationSender? sender = null, Action<NotificationOptions>? notifications = null)
    {
        Time = time ?? new ManualTimeProvider();
        Storage = storage ?? new MemoryGrainStorage();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ITenantPolicies>(new FixedTenantPolicies());
        if (sender is not null)
        {
            services.AddSingleton(sender);
        }

        services.AddGrainRuntime(runtime => runtime.AddSesameGrains().AddStorage("Default", _ => Storage));
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
        provider = services.BuildServiceProvider();
        Grains = provider.GetRequiredService<IGrainFactory>();
        Hasher = (CountingSecretHasher)provider.GetRequiredService<ISecretHasher>();
    }

    public ManualTimeProvider Time { get; }

    public MemoryGrainStorage Storage { get; }

    public IGrainFactory Grains { get; }

    /// <summary>Counts every secret checked, known account or not.</summary>
    public CountingSecretHasher Hasher { get; }

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

    public IMemberAccountGrain Account(string key) => Grains.GetGrain<IMemberAccountGrain>(key);

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
    public bool StoredTextContains(string text) => Storage.Dump().Any(data => System.Text.Encoding.UTF8.GetString(data.Span).Contains(text, StringComparison.Ordinal));

    internal async Task<MemberAccountState?> ReadStoredAsync(string key)
    {
        var stored = await Storage.ReadAsync("account", new GrainId("member-account", key), CancellationToken.None);
        return stored is null ? null : StateSerializer.Deserialize<MemberAccountState>(stored.Data.Span);
    }

    /// <summary>Changes an account's stored state behind every grain's back, as a process that died mid-way would leave it.</summary>
    internal async Task ChangeStoredAsync(string key, Action<MemberAccountState> change)
    {
        var grainId = new GrainId("member-account", key);
        var stored = await Storage.ReadAsync("account", grainId, CancellationToken.None);
        var state = StateSerializer.Deserialize<MemberAccountState>(stored!.Data.Span)!;
        change(state);
        await Storage.WriteAsync("account", grainId, StateSerializer.Serialize(state), stored.Etag, CancellationToken.None);
    }

    /// <summary>Starts the outbox dispatcher, as the host does at start.</summary>
    public async Task StartDispatcherAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            startedServices.Add(service);
        }
    }

    public DevOutbox Outbox => provider.GetRequiredService<DevOutbox>();

    /// <summary>What the dispatcher sends with: e-mails by SMTP when configured, the rest to the dev outbox.</summary>
    public INotificationSender Sender => provider.GetRequiredService<INotificationSender>();

    private IGrainStateSerializer StateSerializer => provider.GetRequiredService<IGrainStateSerializer>();

    public async ValueTask DisposeAsync()
    {
        foreach (var service in startedServices)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
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
