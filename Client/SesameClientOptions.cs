namespace Sesame.Client;

/// <summary>Where Sésame is and how a caller presents itself: for <see cref="SesameClient.Create(SesameClientOptions, HttpMessageHandler?)"/> and <see cref="SesameServiceCollectionExtensions.AddSesameClient"/>.</summary>
public sealed class SesameClientOptions
{
    /// <summary>The server: http:// for h2c, https:// for TLS.</summary>
    public Uri? Address { get; set; }

    /// <summary>The portal's or back office's API key, sent on every call as <c>authorization: Bearer</c>. None for health checks only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The deadline of a call that sets none itself. Default: none.</summary>
    public TimeSpan? DefaultDeadline { get; set; }
}
