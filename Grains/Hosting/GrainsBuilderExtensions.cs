using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;
using Sesame.Grains.Interfaces;
using Sesame.Runtime.Hosting;

namespace Sesame.Grains.Hosting;

public static class GrainsBuilderExtensions
{
    /// <summary>Registers Sésame's grains and what they need. <see cref="SecretHashingOptions"/> must be configured.</summary>
    public static GrainRuntimeBuilder AddSesameGrains(this GrainRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddGrain<IMemberAccountGrain, MemberAccountGrain>();
        builder.AddGrain<ISessionGrain, SessionGrain>();
        builder.AddGrain<IKeypadGrain, KeypadGrain>();
        builder.Services.AddOptions<SecretHashingOptions>().ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SecretHashingOptions>, SecretHashingOptionsValidator>();
        builder.Services.AddSingleton<ISecretHasher, Pbkdf2SecretHasher>();
        builder.Services.AddSingleton<UnknownAccountRegistry>();
        return builder;
    }
}
