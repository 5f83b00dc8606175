namespace Sesame.Silo.Configuration;

/// <summary>Demo tenants and members, for trying Sésame with no setup.</summary>
public sealed class DemoOptions
{
    /// <summary>
    /// Whether the demo is on. Default: true. When on and no tenant is configured, the demo tenants are used; demo
    /// members are created only on in-memory storage.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
