using System.ComponentModel.DataAnnotations;

namespace Sesame.Grains.Interfaces.Tenants;

/// <summary>What a password must hold. Spaces and control characters are always refused.</summary>
public sealed class PasswordRules
{
    /// <summary>Default: 12 (ANSSI's advice for a password that is the only factor).</summary>
    [Range(8, 128)]
    public int MinLength { get; set; } = 12;

    /// <summary>Default: 128.</summary>
    [Range(8, 1024)]
    public int MaxLength { get; set; } = 128;

    /// <summary>Default: true.</summary>
    public bool RequireUppercase { get; set; } = true;

    /// <summary>Default: true.</summary>
    public bool RequireLowercase { get; set; } = true;

    /// <summary>Default: true.</summary>
    public bool RequireDigit { get; set; } = true;

    /// <summary>A character other than a letter or a digit. Default: true.</summary>
    public bool RequireSpecial { get; set; } = true;

    /// <summary>Characters refused anywhere in the password. Default: none.</summary>
    public string ForbiddenCharacters { get; set; } = string.Empty;
}
