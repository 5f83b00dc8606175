using System.Security.Cryptography.X509Certificates;

namespace Sesame.Silo.Configuration;

/// <summary>
/// The TLS certificate of the gRPC endpoint (<c>Sesame:Endpoint:Certificate</c>): a file (PEM with its key, or
/// PKCS#12) or a certificate of the store found by subject. Default: none, so the endpoint serves h2c, which suits
/// loopback development only.
/// </summary>
public sealed class CertificateOptions
{
    /// <summary>A PEM certificate (with <see cref="KeyPath"/>) or a PKCS#12 file (with <see cref="Password"/> if it has one).</summary>
    public string? Path { get; set; }

    /// <summary>The PEM private key of <see cref="Path"/>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS#12 password, or the PEM key's password.</summary>
    public string? Password { get; set; }

    /// <summary>The subject to look for in the store, such as <c>CN=sesame.example.fr</c>, instead of a file.</summary>
    public string? Subject { get; set; }

    /// <summary>The store to look in. Default: My.</summary>
    public StoreName StoreName { get; set; } = StoreName.My;

    /// <summary>The store location. Default: CurrentUser.</summary>
    public StoreLocation StoreLocation { get; set; } = StoreLocation.CurrentUser;

    public bool IsConfigured => Path is not null || Subject is not null;
}
