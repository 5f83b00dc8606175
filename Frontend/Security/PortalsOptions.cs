namespace Sesame.Frontend.Security;

/// <summary>The portal credentials, by portal id (<c>Sesame:Portals</c>).</summary>
public sealed class PortalsOptions : Dictionary<string, PortalCredentialOptions>;
