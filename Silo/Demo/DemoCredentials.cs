namespace Sesame.Silo.Demo;

/// <summary>The well-known API keys of the demo. Public, so they exist only on in-memory storage with the demo on.</summary>
internal static class DemoCredentials
{
    public const string BackOfficeId = "demo-back-office";
    public const string BackOfficeKey = "demo-back-office-key";

    public static string PortalId(string tenant) => $"demo-{tenant}";

    public static string PortalKey(string tenant) => $"demo-{tenant}-portal-key";
}
