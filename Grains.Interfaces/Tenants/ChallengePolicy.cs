using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>The anti-robot challenge (mnt): "cliquer sur l'image correspondant au mot : vélo".</summary>
public sealed class ChallengePolicy
{
    /// <summary>Whether sign-in requires a solved challenge. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Pictures shown per challenge, one of which matches the word. Default: 5.</summary>
    [Range(2, 12)]
    public int Choices { get; set; } = 5;

    /// <summary>How long a challenge can be answered. Default: 2 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The portal's pictures: its name for each picture (how it finds the image), and the word it shows. At least
    /// <see cref="Choices"/> pictures with distinct words when enabled.
    /// </summary>
    public Dictionary<string, string> Pictures { get; set; } = [];
}
