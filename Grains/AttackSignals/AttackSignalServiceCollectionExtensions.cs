using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sesame.Grains.AttackSignals;

internal static class AttackSignalServiceCollectionExtensions
{
    /// <summary>Registers the sign-in watch's settings, checked at start, and its instruments.</summary>
    public static IServiceCollection AddAttackSignals(this IServiceCollection services)
    {
        services.AddOptions<AttackSignalOptions>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttackSignalOptions>, AttackSignalOptionsValidator>();
        services.AddMetrics();
        services.AddSingleton<SignInWatchMetrics>();
        return services;
    }
}
