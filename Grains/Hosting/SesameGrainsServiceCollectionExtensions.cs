using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Sesame.Grains.Activation;
using Sesame.Grains.AttackSignals;
using Sesame.Grains.Hashing;
using Sesame.Grains.Notifications;
using Sesame.Grains.Protection;
using Sesame.Grains.Recovery;
using Sesame.Grains.Telemetry;

namespace Sesame.Grains.Hosting;

public static class SesameGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what Sésame's grains need (Orleans finds the grains themselves), with the wake-up of the cluster's schedules (outbox delivery, space deadlines) at start.
    /// <see cref="SecretHashingOptions"/> (peppers and grain key secret) and <see cref="FieldEncryptionOptions"/> must be
    /// configured; every grain storage writes state as JSON with its personal data encrypted, and a grain whose call
    /// fails is deactivated so that its next call starts from the stored state. E-mails go by SMTP when
    /// <see cref="SmtpOptions.Host"/> is set, SMS through Azure Communication Services when
    /// <see cref="SmsOptions.ConnectionString"/> is set, everything else to the <see cref="DevOutbox"/>, unless an
    /// <see cref="INotificationSender"/> is registered first.
    /// </summary>
    public static IServiceCollection AddSesameGrains(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<SecretHashingOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretHashingOptions>, SecretHashingOptionsValidator>();
        services.AddSingleton<ISecretHasher, Pbkdf2SecretHasher>();
        services.AddSingleton<IKeyedDigest, HmacKeyedDigest>();
        services.AddSingleton<IGrainKeys, GrainKeyDigest>();
        services.AddSingleton<LookupLimiter>();
        services.AddOptions<FieldEncryptionOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<FieldEncryptionOptions>, FieldEncryptionOptionsValidator>();
        services.AddSingleton<IFieldProtector, AesGcmFieldProtector>();
        services.AddSingleton<IGrainStorageSerializer, PersonalDataStorageSerializer>();
        services.AddSingleton<IIncomingGrainCallFilter, DeactivateOnFailedCall>();
        services.AddOptions<NotificationOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton<DevOutbox>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.TryAddSingleton<AcsSmsSender>();
        services.TryAddSingleton<INotificationSender, NotificationRouter>();
        services.AddOptions<SpaceDeadlineOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<ScheduleWakeup>();
        services.AddMetrics();
        services.AddSingleton<AccountMetrics>();
        services.AddSingleton<MessageMetrics>();
        services.AddSingleton<OutboxBacklog>();
        services.AddAttackSignals();
        return services;
    }
}
