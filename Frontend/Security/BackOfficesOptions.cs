namespace Sesame.Frontend.Security;

/// <summary>The back-office credentials, by id (<c>Sesame:BackOffices</c>).</summary>
public sealed class BackOfficesOptions : Dictionary<string, BackOfficeCredentialOptions>;
