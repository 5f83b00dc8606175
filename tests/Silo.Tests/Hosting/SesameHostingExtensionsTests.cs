using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Providers;
using Orleans.Storage;
using Sesame.Grains.Hashing;
using Sesame.Grains.Protection;
using Sesame.Frontend.Security;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.Silo.Tests.Hosting;

public sealed class SesameHostingExtensionsTests
{
    [Fact]
    public async Task AddSesame_NoConfiguration_DemoTenantsAndEphemeralPepperGrainKeySecretAndEncryptionKey()
    {
        await using var app = Build([]);

        await app.StartAsync();

        var tenants = app.Services.GetRequiredService<ITenantPolicies>();
        Assert.NotNull(tenants.Find("assu2000"));
        Assert.NotNull(tenants.Find("acs"));
        Assert.NotNull(tenants.Find("cpms"));
        Assert.True(tenants.Find("mes")!.Activation.Enabled);
        var hashing = app.Services.GetRequiredService<IOptions<SecretHashingOptions>>().Value;
        Assert.Equal("ephemeral", hashing.CurrentPepperId);
        Assert.Equal(32, Convert.FromBase64String(hashing.GrainKeySecret).Length);
        Assert.Equal("ephemeral", app.Services.GetRequiredService<IOptions<FieldEncryptionOptions>>().Value.CurrentKeyId);
        await app.StopAsync();
    }

    [Fact]
    public async Task AddSesame_ConfiguredTenant_ReplacesDemoTenants()
    {
        await using var app = Build(new() { ["Sesame:Tenants:mutuelle-x:DisplayName"] = "Mutuelle X", ["Sesame:Tenants:mutuelle-x:Lockout:MaxFailedAttempts"] = "5" });

        await app.StartAsync();

        var tenants = app.Services.GetRequiredService<ITenantPolicies>();
        Assert.Equal(5, tenants.Find("mutuelle-x")!.Lockout.MaxFailedAttempts);
        Assert.Null(tenants.Find("assu2000"));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("Sesame:Tenants:assu2000:Lockout:MaxFailedAttempts", "0", "Sesame:Tenants:assu2000")]
    [InlineData("Sesame:Tenants:Bad_Id:DisplayName", "x", "Tenant id 'Bad_Id'")]
    [InlineData("Sesame:Endpoint:Address", "localhost", "Sesame:Endpoint:Address")]
    [InlineData("Sesame:Tenants:x:Challenge:Enabled", "true", "Sesame:Tenants:x:Challenge:Pictures must hold at least 5 pictures")]
    [InlineData("Sesame:Tenants:x:Recovery:Email:CodeLength", "4", "Sesame:Tenants:x")]
    [InlineData("Sesame:Tenants:x:IdentifierRecovery:MaxLookupsPerMember", "0", "Sesame:Tenants:x")]
    [InlineData("Sesame:Hashing:LookupPepperId", "nope", "LookupPepperId")]
    [InlineData("Sesame:Tenants:x:Identifier", "Nir", "Sesame:Tenants:x:IdentifierRecovery:Enabled must be false")]
    [InlineData("Sesame:Hashing:Iterations", "1000", "Iterations")]
    [InlineData("Sesame:Demo:Enabled", "false", "No tenant is configured")]
    [InlineData("Sesame:Endpoint:Certificate:Path", "/nonexistent/sesame.pfx", "Sesame:Endpoint:Certificate:Path '/nonexistent/sesame.pfx' does not exist")]
    [InlineData("Sesame:Endpoint:Certificate:Subject", "CN=nobody.example", "matches no certificate")]
    [InlineData("Sesame:Tenants:x:Identifier", "ChosenIdentifier", "Sesame:Tenants:x:Activation:Enabled must be true with Identifier ChosenIdentifier")]
    [InlineData("Sesame:Tenants:x:Activation:Enabled", "true", "Sesame:Tenants:x:Identifier must be ChosenIdentifier with Activation:Enabled")]
    [InlineData("Sesame:Tenants:x:Activation:ProvisionalCodeLength", "4", "Sesame:Tenants:x")]
    [InlineData("Sesame:Tenants:x:SecondFactor:Lifetime", "02:00:00", "Sesame:Tenants:x")]
    [InlineData("Sesame:SpaceDeadlines:SweepInterval", "00:00:00", "SweepInterval")]
    [InlineData("Sesame:Notifications:Smtp:Port", "0", "Sesame:Notifications:Smtp")]
    [InlineData("Sesame:Notifications:Smtp:Timeout", "00:00:00", "Sesame:Notifications:Smtp")]
    [InlineData("Sesame:Notifications:Smtp:Host", "smtp relay.example", "Sesame:Notifications:Smtp:Host must be a host name or an IP address")]
    [InlineData("Sesame:Notifications:Smtp:UserName", "sesame", "Sesame:Notifications:Smtp:UserName and Sesame:Notifications:Smtp:Password go together")]
    [InlineData("Sesame:Notifications:Email:MaxAttempts", "0", "Sesame:Notifications:Email:MaxAttempts must be between 1 and 100")]
    [InlineData("Sesame:Notifications:Sms:MaxAttempts", "101", "Sesame:Notifications:Sms:MaxAttempts must be between 1 and 100")]
    [InlineData("Sesame:Tenants:x:Email:FromAddress", "ASSU2000 <no-reply@assu2000.fr>", "Sesame:Tenants:x:Email:FromAddress must be an e-mail address alone")]
    [InlineData("Sesame:Tenants:x:Email:FromAddress", "no-reply", "Sesame:Tenants:x:Email:FromAddress must be an e-mail address alone")]
    [InlineData("Sesame:Tenants:x:Email:FromName", "ASSU2000\r\nBcc: everyone@example.fr", "Sesame:Tenants:x:Email:FromName must be one line of text")]
    [InlineData("Sesame:Tenants:x:Sms:SenderId", "MutuelleMNT2", "Sesame:Tenants:x:Sms:SenderId must be an alphanumeric sender id")]
    [InlineData("Sesame:Tenants:x:Sms:SenderId", "0612345678", "Sesame:Tenants:x:Sms:SenderId must be an alphanumeric sender id")]
    [InlineData("Sesame:Tenants:x:Sms:SenderId", "MNT-Santé", "Sesame:Tenants:x:Sms:SenderId must be an alphanumeric sender id")]
    [InlineData("Sesame:Tenants:x:Sms:MaxLength", "60", "Sesame:Tenants:x")]
    [InlineData("Sesame:Notifications:Sms:ConnectionString", "endpoint=http://sesame.communication.azure.com/;accesskey=a2V5", "Sesame:Notifications:Sms:ConnectionString must hold endpoint=https://")]
    [InlineData("Sesame:Notifications:Sms:ConnectionString", "endpoint=https://sesame.communication.azure.com/", "Sesame:Notifications:Sms:ConnectionString must hold accesskey=")]
    [InlineData("Sesame:Notifications:Sms:MaxRetries", "11", "Sesame:Notifications:Sms")]
    [InlineData("Sesame:Cluster:ClusterId", "", "'ClusterId'")]
    [InlineData("Sesame:AttackSignals:Window", "00:02:30", "Sesame:AttackSignals:Window must be a whole number of minutes")]
    [InlineData("Sesame:Telemetry:LogRedaction:HmacKey", "c2hvcnQ=", "Sesame:Telemetry:LogRedaction:HmacKey must be base64 of at least 32 bytes")]
    public async Task AddSesame_BadSetting_StopsAtStartNamingIt(string key, string value, string expected)
    {
        var failures = await StartFailuresAsync(new() { [key] = value });

        Assert.Contains(failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_ActivationWithKeypad_StopsAtStartNamingIt()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sesame:Tenants:x:Identifier"] = "ChosenIdentifier",
            ["Sesame:Tenants:x:Activation:Enabled"] = "true",
            ["Sesame:Tenants:x:Keypad:Enabled"] = "true",
        };

        var failures = await StartFailuresAsync(settings);

        Assert.Contains("Sesame:Tenants:x:Keypad:Enabled must be false with Activation:Enabled: the member types the chosen password itself.", failures);
    }

    [Fact]
    public async Task AddSesame_SmtpPasswordWithoutEncryption_StopsAtStartWithoutShowingIt()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sesame:Notifications:Smtp:Host"] = "smtp.azurecomm.net",
            ["Sesame:Notifications:Smtp:Security"] = "None",
            ["Sesame:Notifications:Smtp:UserName"] = "sesame-acs",
            ["Sesame:Notifications:Smtp:Password"] = "client-secret-never-shown",
        };

        var failures = await StartFailuresAsync(settings);

        Assert.Contains("Sesame:Notifications:Smtp:Security must be StartTls or Tls with a UserName: with None the password would travel in clear.", failures);
        Assert.DoesNotContain(failures, failure => failure.Contains("client-secret-never-shown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_SmsAccessKeyNotBase64_StopsAtStartWithoutShowingIt()
    {
        var failures = await StartFailuresAsync(new() { ["Sesame:Notifications:Sms:ConnectionString"] = "endpoint=https://sesame.communication.azure.com/;accesskey=never*shown" });

        Assert.Contains("Sesame:Notifications:Sms:ConnectionString must hold accesskey=<the resource's access key, base64>.", failures);
        Assert.DoesNotContain(failures, failure => failure.Contains("never*shown", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_PepperTooShort_StopsAtStartNamingIt()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sesame:Hashing:Peppers:k1"] = Convert.ToBase64String(new byte[16]),
            ["Sesame:Hashing:CurrentPepperId"] = "k1",
        };

        var failures = await StartFailuresAsync(settings);

        Assert.Contains(failures, failure => failure.Contains("Sesame:Hashing:Peppers:k1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_BadCredentials_StopsAtStartNamingEach()
    {
        var sharedHash = ApiKeyHash.Of("one key for two portals");
        var settings = new Dictionary<string, string?>
        {
            ["Sesame:Portals:lost:Tenant"] = "nowhere",
            ["Sesame:Portals:lost:KeyHash"] = ApiKeyHash.Of("lost key"),
            ["Sesame:Portals:plain:Tenant"] = "assu2000",
            ["Sesame:Portals:plain:KeyHash"] = "the key itself",
            ["Sesame:Portals:first:Tenant"] = "assu2000",
            ["Sesame:Portals:first:KeyHash"] = sharedHash,
            ["Sesame:BackOffices:second:Tenants:0"] = "acs",
            ["Sesame:BackOffices:second:KeyHash"] = sharedHash,
        };

        var failures = await StartFailuresAsync(settings);

        var message = string.Join(Environment.NewLine, failures);
        Assert.Contains("Sesame:Portals:lost names tenant 'nowhere'", message, StringComparison.Ordinal);
        Assert.Contains("Sesame:Portals:plain:KeyHash must be the SHA-256", message, StringComparison.Ordinal);
        Assert.Contains("Sesame:Portals:first and Sesame:BackOffices:second share one key", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Sesame:Storage:AzureTable:ConnectionString is not a valid storage connection string: The connection string is empty.")]
    [InlineData("AccountName=sesame;AccountKey=not*base64", "Sesame:Storage:AzureTable:ConnectionString is not a valid storage connection string: The connection string needs an AccountKey in base64.")]
    [InlineData("UseDevelopmentStorage=true;TableName=x", "Sesame:Storage:AzureTable:ConnectionString is not a valid storage connection string: UseDevelopmentStorage")]
    public async Task AddSesame_AzureTableWithMalformedConnectionString_StopsAtStartNamingIt(string connectionString, string expected)
    {
        var settings = AzureTableSettings(connectionString);

        var failures = await StartFailuresAsync(settings);

        Assert.Contains(failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_AzureTableWithBadTableName_StopsAtStartNamingIt()
    {
        var settings = AzureTableSettings("UseDevelopmentStorage=true");
        settings["Sesame:Storage:AzureTable:TableName"] = "sesame_grains";

        var failures = await StartFailuresAsync(settings);

        Assert.Contains(failures, failure => failure.Contains("Sesame:Storage:AzureTable:TableName 'sesame_grains'", StringComparison.Ordinal));
    }

    /// <summary>
    /// Composed only: Orleans' Azure Table clustering reaches the storage account as the silo starts, and this project
    /// runs no Azurite (the storage tests start Sésame on it).
    /// </summary>
    [Fact]
    public async Task AddSesame_AzureTable_ComposesTheTableProvidersWithoutEphemeralPepper()
    {
        await using var app = Build(AzureTableSettings("UseDevelopmentStorage=true"));

        var storage = app.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
        Assert.Equal("Orleans.Storage.AzureTableGrainStorage", storage.GetType().FullName);
        Assert.Equal("AzureBasedMembershipTable", app.Services.GetRequiredService<IMembershipTable>().GetType().Name);
        Assert.Equal("k1", app.Services.GetRequiredService<IOptions<SecretHashingOptions>>().Value.CurrentPepperId);
    }

    [Theory]
    [InlineData("Sesame:Hashing:GrainKeySecret", "Sesame:Hashing:GrainKeySecret must be base64 of at least 32 bytes")]
    [InlineData("Sesame:Encryption:Keys:e1", "Sesame:Encryption:Keys and Sesame:Encryption:CurrentKeyId are required")]
    [InlineData("Sesame:Telemetry:LogRedaction:HmacKey", "Sesame:Telemetry:LogRedaction:HmacKey must be base64 of at least 32 bytes")]
    public async Task AddSesame_AzureTableWithoutGrainKeySecretOrEncryptionKeyOrLogHmacKey_StopsAtStartNamingIt(string missing, string expected)
    {
        var settings = AzureTableSettings("UseDevelopmentStorage=true");
        settings.Remove(missing);

        var failures = await StartFailuresAsync(settings);

        Assert.Contains(failures, failure => failure.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_EncryptionKeyOfWrongLength_StopsAtStartNamingIt()
    {
        var settings = AzureTableSettings("UseDevelopmentStorage=true");
        settings["Sesame:Encryption:Keys:e1"] = Convert.ToBase64String(new byte[16]);

        var failures = await StartFailuresAsync(settings);

        Assert.Contains(failures, failure => failure.Contains("Sesame:Encryption:Keys:e1 must be base64 of exactly 32 bytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSesame_NegativeLogHmacKeyId_StopsAtStartNamingIt()
    {
        var settings = AzureTableSettings("UseDevelopmentStorage=true");
        settings["Sesame:Telemetry:LogRedaction:HmacKeyId"] = "-1";

        var failures = await StartFailuresAsync(settings);

        Assert.Contains("Sesame:Telemetry:LogRedaction:HmacKeyId must be 0 or more.", failures);
    }

    private static Dictionary<string, string?> AzureTableSettings(string connectionString) => new()
    {
        ["Sesame:Storage:Provider"] = "AzureTable",
        ["Sesame:Storage:AzureTable:ConnectionString"] = connectionString,
        ["Sesame:Hashing:Peppers:k1"] = Convert.ToBase64String(new byte[32]),
        ["Sesame:Hashing:CurrentPepperId"] = "k1",
        ["Sesame:Hashing:GrainKeySecret"] = Convert.ToBase64String(new byte[32]),
        ["Sesame:Encryption:Keys:e1"] = Convert.ToBase64String(new byte[32]),
        ["Sesame:Encryption:CurrentKeyId"] = "e1",
        ["Sesame:Telemetry:LogRedaction:HmacKey"] = Convert.ToBase64String(new byte[32]),
    };

    /// <summary>
    /// Builds and starts a host that must refuse to start, and returns its validation messages. Some settings are read
    /// while the host is built (the endpoint), the rest when it starts; several failures come as one aggregate.
    /// </summary>
    private static async Task<IReadOnlyList<string>> StartFailuresAsync(Dictionary<string, string?> settings)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = Build(settings);
            await app.StartAsync();
        });
        var failures = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
        Assert.All(failures, failure => Assert.IsType<OptionsValidationException>(failure));
        return failures.Select(failure => failure.Message).ToArray();
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(FreePorts.SiloSettings()) { ["Sesame:Endpoint:Port"] = "0" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddSesame();
        var app = builder.Build();
        app.MapSesame();
        return app;
    }
}
