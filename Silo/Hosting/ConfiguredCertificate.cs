using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Sesame.Silo.Configuration;

namespace Sesame.Silo.Hosting;

/// <summary>Loads the endpoint's certificate as configured, or stops the host with a message naming the setting.</summary>
internal static class ConfiguredCertificate
{
    public static X509Certificate2 Load(CertificateOptions options, string section)
    {
        if (options.Path is { } path)
        {
            if (!File.Exists(path))
            {
                throw Invalid(section, $"{section}:Path '{path}' does not exist.");
            }

            try
            {
                return options.KeyPath is { } keyPath
                    ? LoadPem(path, keyPath, options.Password, section)
                    : X509CertificateLoader.LoadPkcs12FromFile(path, options.Password);
            }
            catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or ArgumentException or IOException)
            {
                throw Invalid(section, $"{section}: the certificate in '{path}' cannot be loaded ({exception.Message}).");
            }
        }

        using var store = new X509Store(options.StoreName, options.StoreLocation);
        store.Open(OpenFlags.ReadOnly);
        var found = store.Certificates.Find(X509FindType.FindBySubjectDistinguishedName, options.Subject!, validOnly: false)
            .Where(certificate => certificate.HasPrivateKey)
            .MaxBy(certificate => certificate.NotAfter);
        return found ?? throw Invalid(section, $"{section}:Subject '{options.Subject}' matches no certificate with a private key in {options.StoreLocation}/{options.StoreName}.");
    }

    private static X509Certificate2 LoadPem(string path, string keyPath, string? password, string section)
    {
        if (!File.Exists(keyPath))
        {
            throw Invalid(section, $"{section}:KeyPath '{keyPath}' does not exist.");
        }

        using var pem = password is null
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);

        // A certificate made from PEM keeps its key in an ephemeral handle; a PKCS#12 round trip gives one TLS can use everywhere.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }

    private static OptionsValidationException Invalid(string section, string message) =>
        new(section, typeof(CertificateOptions), [message]);
}
