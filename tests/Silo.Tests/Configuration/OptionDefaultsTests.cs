using Orleans.Providers;
using Sesame.Frontend.Grpc;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Tests.Configuration;

/// <summary>Every default under the <c>Sesame</c> section, pinned: changing one is a decision, not an accident.</summary>
public sealed class OptionDefaultsTests
{
    [Fact]
    public void Defaults_AllOptionsUnderSesame_ArePinned()
    {
        var endpoint = new EndpointOptions();
        var grpc = new GrpcServerOptions();
        var storage = new StorageOptions();
        var grains = new Orleans.Configuration.GrainCollectionOptions();
        var hashing = new SecretHashingOptions();
        var tenant = new TenantPolicy();
        var demo = new DemoOptions();

        Assert.Equal(("127.0.0.1", 7070), (endpoint.Address, endpoint.Port));
        Assert.Equal((64 * 1024, (bool?)null), (grpc.MaxReceiveMessageSize, grpc.Reflection));
        Assert.Equal(StorageProvider.Memory, storage.Provider);
        var table = storage.AzureTable;
        Assert.Equal((string.Empty, "sesamegrains"), (table.ConnectionString, table.TableName));
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1), "Default"), (grains.CollectionAge, grains.CollectionQuantum, ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.Equal((100_000, 16, 0, string.Empty, string.Empty, string.Empty), (hashing.Iterations, hashing.SaltSize, hashing.Peppers.Count, hashing.CurrentPepperId, hashing.LookupPepperId, hashing.GrainKeySecret));
        var encryption = new Grains.Protection.FieldEncryptionOptions();
        Assert.Equal((0, string.Empty), (encryption.Keys.Count, encryption.CurrentKeyId));
        var logRedaction = new LogRedactionOptions();
        Assert.Equal((string.Empty, 1), (logRedaction.HmacKey, logRedaction.HmacKeyId));
        Assert.Equal((string.Empty, true), (tenant.DisplayName, tenant.RevealRemainingAttempts));
        Assert.Equal((3, TimeSpan.FromMinutes(1)), (tenant.Lockout.MaxFailedAttempts, tenant.Lockout.Duration));
        Assert.Equal((2.0, TimeSpan.FromDays(1), 10), (tenant.Lockout.DurationMultiplier, tenant.Lockout.MaxDuration, tenant.Lockout.LockoutsBeforeRecovery));
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromHours(8)), (tenant.Sessions.IdleTimeout, tenant.Sessions.AbsoluteLifetime));
        Assert.Equal((SecretKind.Pin, (TimeSpan?)null), (tenant.Secret.Kind, tenant.Secret.RenewalAdvisedAfter));
        Assert.Equal(IdentifierKind.IssuedIdentifier, tenant.Identifier);
        Assert.Equal((false, TimeSpan.FromMinutes(5)), (tenant.Keypad.Enabled, tenant.Keypad.Lifetime));
        var password = tenant.Secret.Password;
        Assert.Equal((12, 128, true, true, true, true, string.Empty), (password.MinLength, password.MaxLength, password.RequireUppercase, password.RequireLowercase, password.RequireDigit, password.RequireSpecial, password.ForbiddenCharacters));
        Assert.Equal((false, 5, TimeSpan.FromMinutes(2), 0), (tenant.Challenge.Enabled, tenant.Challenge.Choices, tenant.Challenge.Lifetime, tenant.Challenge.Pictures.Count));
        var recovery = tenant.Recovery;
        Assert.Equal((true, 6, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1)), (recovery.Email.Enabled, recovery.Email.CodeLength, recovery.Email.Lifetime, recovery.Email.ResendCooldown));
        Assert.Equal((false, 6, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1)), (recovery.Sms.Enabled, recovery.Sms.CodeLength, recovery.Sms.Lifetime, recovery.Sms.ResendCooldown));
        Assert.Equal((true, 8, TimeSpan.FromDays(42), TimeSpan.FromDays(7)), (recovery.Letter.Enabled, recovery.Letter.CodeLength, recovery.Letter.Lifetime, recovery.Letter.ResendCooldown));
        Assert.Equal((5, 10, TimeSpan.FromDays(1), TimeSpan.FromMinutes(10), true), (recovery.MaxTriesPerCode, recovery.FailedCodesBudget, recovery.FailedCodesWindow, recovery.ResetLifetime, recovery.RevealMaskedDestination));
        var lookups = tenant.IdentifierRecovery;
        Assert.Equal((true, 5, 20, TimeSpan.FromHours(1), false), (lookups.Enabled, lookups.MaxLookupsPerMember, lookups.MaxLookupsPerClientIp, lookups.Window, lookups.BySms));
        Assert.Equal(string.Empty, tenant.TermsVersion);
        var activation = tenant.Activation;
        Assert.Equal((false, 12, TimeSpan.FromDays(42), TimeSpan.FromMinutes(30), 3, string.Empty), (activation.Enabled, activation.ProvisionalCodeLength, activation.ProvisionalCodeLifetime, activation.FlowLifetime, activation.MaxCardTries, activation.PrivacyPolicyVersion));
        var secondFactor = tenant.SecondFactor;
        Assert.Equal((false, 6, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1)), (secondFactor.Enabled, secondFactor.CodeLength, secondFactor.Lifetime, secondFactor.ResendCooldown));
        var deadlines = new Grains.Activation.SpaceDeadlineOptions();
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromDays(7)), (deadlines.SweepInterval, deadlines.LookBack));
        var notifications = new Grains.Notifications.NotificationOptions();
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)), (notifications.SweepInterval, notifications.FirstRetryDelay, notifications.MaxRetryDelay));
        Assert.Equal((8, 8, 8), (notifications.Email.MaxAttempts, notifications.Sms.MaxAttempts, notifications.Letter.MaxAttempts));
        var smtp = notifications.Smtp;
        Assert.Equal((string.Empty, 587, Grains.Notifications.SmtpSecurity.StartTls, string.Empty, string.Empty, TimeSpan.FromSeconds(30)), (smtp.Host, smtp.Port, smtp.Security, smtp.UserName, smtp.Password, smtp.Timeout));
        Assert.Equal((string.Empty, string.Empty, "no-reply@assu2000.sesame.invalid"), (tenant.Email.FromAddress, tenant.Email.FromName, tenant.Email.FromAddressFor("assu2000")));
        var sms = notifications.Sms;
        Assert.Equal((string.Empty, false, TimeSpan.FromSeconds(30), 3, TimeSpan.FromSeconds(1)), (sms.ConnectionString, sms.IsConfigured, sms.Timeout, sms.MaxRetries, sms.RetryDelay));
        Assert.Equal((string.Empty, 160), (tenant.Sms.SenderId, tenant.Sms.MaxLength));
        var rateLimit = new Frontend.Security.RateLimitOptions();
        Assert.Equal((1000.0, 2000), (rateLimit.PermitsPerSecond, rateLimit.Burst));
        var dashboard = new DashboardSettings();
        Assert.Equal(((int?)null, "127.0.0.1", false, false), (dashboard.Port, dashboard.Address, dashboard.RequireCredential, dashboard.Certificate.IsConfigured));
        Assert.True(demo.Enabled);
        Assert.Empty(new TenantsOptions());
    }
}
