using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Gives an in-memory host with no pepper or no grain key secret configured a random one, so development needs no
/// secret. Durable storage always needs them configured: a random pepper would make every stored hash unverifiable
/// after a restart, and a random grain key secret would lose every account.
/// </summary>
internal sealed class EphemeralPepper(IOptions<StorageOptions> storage) : IPostConfigureOptions<SecretHashingOptions>
{
    public const string KeyId = "ephemeral";

    public void PostConfigure(string? name, SecretHashingOptions options)
    {
        if (storage.Value.Provider != StorageProvider.Memory)
        {
            return;
        }

        if (options.Peppers.Count == 0)
        {
            options.Peppers[KeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            options.CurrentPepperId = KeyId;
        }

        if (options.GrainKeySecret.Length == 0)
        {
            options.GrainKeySecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        }
    }
}
