using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Silo.Configuration;
using Sesame.Silo.Hosting;
using Sesame.Testing;

namespace Sesame.Silo.Tests.Hosting;

public sealed partial class LogRedactionSetupTests
{
    private const string Email = "camille.testard@courriel.fr";
    private const string Code = "482913";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    [Fact]
    public void AddSesameLogRedaction_ClassifiedParameters_SensitiveErasedCorrelatableAsStableKeyedHash()
    {
        using var log = new CapturedLog();
        using var services = Services(log, new() { ["Sesame:Telemetry:LogRedaction:HmacKey"] = Convert.ToBase64String(Key), ["Sesame:Telemetry:LogRedaction:HmacKeyId"] = "7" });
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("redaction");

        LogCodeSent(logger, Email, Code, "assu2000");
        LogCodeSent(logger, Email, Code, "assu2000");

        var hash = $"7:{Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.Unicode.GetBytes(Email))[..16])}";
        Assert.Equal(2, log.Count);
        Assert.DoesNotContain(Email, log.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, log.Text, StringComparison.Ordinal);
        Assert.Equal(2, log.Text.Split($"Code  sent to {hash} for assu2000.").Length - 1);
        Assert.Contains($"state Destination={hash}", log.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSesameLogRedaction_InMemoryWithoutKey_RandomKeyWithIdZero()
    {
        using var services = Services(new CapturedLog(), []);

        var options = services.GetRequiredService<IOptions<LogRedactionOptions>>().Value;

        Assert.Equal((32, 0), (Convert.FromBase64String(options.HmacKey).Length, options.HmacKeyId));
    }

    private static ServiceProvider Services(CapturedLog log, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddOptions<StorageOptions>();
        services.AddLogging(logging =>
        {
            logging.AddProvider(log);
            logging.AddSesameLogRedaction();
        });
        return services.BuildServiceProvider();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Code {Code} sent to {Destination} for {Tenant}.")]
    private static partial void LogCodeSent(ILogger logger, [CorrelatableData] string destination, [SensitiveData] string code, string tenant);
}
