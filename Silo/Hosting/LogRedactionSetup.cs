using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;
using Sesame.Grains.Interfaces.Telemetry;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Redaction by construction: every log parameter classified <see cref="SesameDataClassifications.Sensitive"/> is
/// erased, every one classified <see cref="SesameDataClassifications.Correlatable"/> is replaced by its keyed hash
/// (<see cref="LogRedactionOptions"/>), and a classification without a redactor of its own is erased too.
/// </summary>
internal static class LogRedactionSetup
{
    public static void AddSesameLogRedaction(this ILoggingBuilder logging)
    {
        logging.EnableRedaction(options => options.ApplyDiscriminator = false);
        var services = logging.Services;
        services.AddOptions<LogRedactionOptions>().BindConfiguration(SesameSections.LogRedaction).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LogRedactionOptions>, LogRedactionOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<LogRedactionOptions>, EphemeralLogHmacKey>();
        services.AddRedaction(redaction => redaction
            .SetRedactor<ErasingRedactor>(new DataClassificationSet(SesameDataClassifications.Sensitive))
            .SetHmacRedactor(_ => { }, new DataClassificationSet(SesameDataClassifications.Correlatable))
            .SetFallbackRedactor<ErasingRedactor>());
        services.AddOptions<HmacRedactorOptions>().Configure<IOptions<LogRedactionOptions>>((hmac, configured) =>
        {
            hmac.Key = configured.Value.HmacKey;
            hmac.KeyId = configured.Value.HmacKeyId;
        });
    }
}
