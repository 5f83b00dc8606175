using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>How long a signed-in member stays signed in.</summary>
[GenerateSerializer, Alias("sesame.SessionPolicy")]
public sealed class SessionPolicy
{
    /// <summary>A session unused this long ends. Default: 15 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    [Id(0)]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in, used or not. Default: 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    [Id(1)]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);
}
