namespace Sesame.Silo.Configuration;

/// <summary>
/// Where each options class is read from. Everything lives under one root section, <c>Sesame</c>; every value has a
/// default, so a host with no configuration runs in memory with the demo tenants.
/// </summary>
internal static class SesameSections
{
    public const string Root = "Sesame";
    public const string Endpoint = Root + ":Endpoint";
    public const string Grpc = Root + ":Grpc";
    public const string Grains = Root + ":Grains";
    public const string Hashing = Root + ":Hashing";
    public const string AttackSignals = Root + ":AttackSignals";
    public const string Letters = Root + ":Letters";
    public const string Encryption = Root + ":Encryption";
    public const string Notifications = Root + ":Notifications";
    public const string SpaceDeadlines = Root + ":SpaceDeadlines";
    public const string Storage = Root + ":Storage";
    public const string Tenants = Root + ":Tenants";
    public const string Cluster = Root + ":Cluster";
    public const string Demo = Root + ":Demo";
    public const string Portals = Root + ":Portals";
    public const string BackOffices = Root + ":BackOffices";
    public const string Dashboard = Root + ":Dashboard";
    public const string Telemetry = Root + ":Telemetry";
    public const string LogRedaction = Root + ":Telemetry:LogRedaction";
}
