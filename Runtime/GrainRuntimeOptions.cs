using System.ComponentModel.DataAnnotations;

namespace Sesame.Runtime;

/// <summary>Options of the grain runtime.</summary>
public sealed class GrainRuntimeOptions
{
    /// <summary>How long an activation may stay idle before it is deactivated. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CollectionInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Default storage provider name, used when a <see cref="PersistentStateAttribute"/> names none. Default: "Default".</summary>
    [Required]
    public string DefaultStorageName { get; set; } = "Default";
}
