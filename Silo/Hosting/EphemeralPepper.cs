using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sesame.Grains.Hashing;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Gives an in-memory host with no pepper configured a random one, so development needs no secret. Durable storage
/// always needs configured peppers: a random one would make every stored hash unverifiable after a restart.
/// </summary>
internal sealed class EphemeralPepper(IOptions<StorageOptions> storage) : IPostConfigureOptions<SecretHashingOptions>
{
    public const string KeyId = "ephemeral";

    public void PostConfigure(string? name, SecretHashingOptions options)
    {
        if (options.Peppers.Count == 0 && storage.Value.Provider == StorageProvider.Memory)
        {
            options.Peppers[KeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            options.CurrentPepperId = KeyId;
        }
    }
}
