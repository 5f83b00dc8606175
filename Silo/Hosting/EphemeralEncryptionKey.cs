using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sesame.Grains.Protection;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Gives an in-memory host with no encryption key configured a random one, as <see cref="EphemeralPepper"/> does for
/// the pepper. Durable storage always needs configured keys: with a random one, nothing stored could be read after a restart.
/// </summary>
internal sealed class EphemeralEncryptionKey(IOptions<StorageOptions> storage) : IPostConfigureOptions<FieldEncryptionOptions>
{
    public void PostConfigure(string? name, FieldEncryptionOptions options)
    {
        if (options.Keys.Count == 0 && storage.Value.Provider == StorageProvider.Memory)
        {
            options.Keys[EphemeralPepper.KeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(FieldEncryptionOptions.KeySize));
            options.CurrentKeyId = EphemeralPepper.KeyId;
        }
    }
}
