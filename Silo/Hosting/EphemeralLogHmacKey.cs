using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>
/// Gives an in-memory host with no log hashing key configured a random one (key id 0), as <see cref="EphemeralPepper"/>
/// does for the pepper: its hashes correlate within the process's own log. Durable storage means silos whose logs are
/// read together and across restarts, so there the key is configured.
/// </summary>
internal sealed class EphemeralLogHmacKey(IOptions<StorageOptions> storage) : IPostConfigureOptions<LogRedactionOptions>
{
    public void PostConfigure(string? name, LogRedactionOptions options)
    {
        if (options.HmacKey.Length == 0 && storage.Value.Provider == StorageProvider.Memory)
        {
            options.HmacKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(LogRedactionOptions.MinimumKeyBytes));
            options.HmacKeyId = 0;
        }
    }
}
