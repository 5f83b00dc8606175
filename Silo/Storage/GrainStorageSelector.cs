using Microsoft.Extensions.Options;
using Sesame.Runtime.Storage;
using Sesame.Silo.Configuration;
using Sesame.Storage.AzureTable;

namespace Sesame.Silo.Storage;

/// <summary>Makes the grain storage provider that <c>Sesame:Storage:Provider</c> names.</summary>
internal static class GrainStorageSelector
{
    public static IGrainStorage Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.AzureTable => AzureTableGrainStorageFactory.Create(options.AzureTable, services.GetRequiredService<TimeProvider>()),
            _ => new MemoryGrainStorage(),
        };
    }
}
