using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sesame.Grains.Activation;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Notifications;
using Sesame.Grains.Protection;
using Sesame.Runtime.Hosting;
using Sesame.Runtime.Storage;

namespace Sesame.Grains.Hosting;

public static class GrainsBuilderExtensions
{
    /// <summary>
    /// Registers Sésame's grains and what they need, with the outbox dispatcher. <see cref="SecretHashingOptions"/>
    /// (peppers and grain key secret) and <see cref="FieldEncryptionOptions"/> must be configured; grain state is stored
    /// with its personal data encrypted. E-mails go by SMTP when <see cref="SmtpOptions.Host"/> is set, SMS through Azure
    /// Communication Services when <see cref="SmsOptions.ConnectionString"/> is set, everything else to the
    /// <see cref="DevOutbox"/>, unless an <see cref="INotificationSender"/> is registered first.
    /// </summary>
    public static GrainRuntimeBuilder AddSesameGrains(this GrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrain<IMemberAccountGrain, MemberAccountGrain>();
        builder.AddGrain<ISessionGrain, SessionGrain>();
        builder.AddGrain<IKeypadGrain, KeypadGrain>();
        builder.AddGrain<IChallengeGrain, ChallengeGrain>();
        builder.AddGrain<IMemberDirectoryGrain, MemberDirectoryGrain>();
        builder.AddGrain<IOutboxIndexGrain, OutboxIndexGrain>();
        builder.AddGrain<ILetterQueueGrain, LetterQueueGrain>();
        builder.AddGrain<IDeadLetterGrain, DeadLetterGrain>();
        builder.AddGrain<IIdentifierAliasGrain, IdentifierAliasGrain>();
        builder.AddGrain<IActivationFlowGrain, ActivationFlowGrain>();
        builder.AddGrain<ISpaceDeadlinesGrain, SpaceDeadlinesGrain>();
        builder.Services.AddOptions<SecretHashingOptions>().ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecretHashingOptions>, SecretHashingOptionsValidator>();
        builder.Services.AddSingleton<ISecretHasher, Pbkdf2SecretHasher>();
        builder.Services.AddSingleton<IKeyedDigest, HmacKeyedDigest>();
        builder.Services.AddSingleton<IGrainKeys, GrainKeyDigest>();
        builder.Services.AddOptions<FieldEncryptionOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<FieldEncryptionOptions>, FieldEncryptionOptionsValidator>();
        builder.Services.AddSingleton<IFieldProtector, AesGcmFieldProtector>();
        builder.Services.AddSingleton<IGrainStateSerializer>(provider => new JsonGrainStateSerializer(PersonalDataJson.Options(provider.GetRequiredService<IFieldProtector>())));
        builder.Services.AddSingleton<UnknownAccountRegistry>();
        builder.Services.AddOptions<NotificationOptions>().ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<DevOutbox>();
        builder.Services.TryAddSingleton<SmtpEmailSender>();
        builder.Services.TryAddSingleton<AcsSmsSender>();
        builder.Services.TryAddSingleton<INotificationSender, NotificationRouter>();
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddOptions<SpaceDeadlineOptions>().ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<SpaceDeadlineSweeper>();
        return builder;
    }
}
