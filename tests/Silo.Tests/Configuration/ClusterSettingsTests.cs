using Sesame.Silo.Configuration;

namespace Sesame.Silo.Tests.Configuration;

public sealed class ClusterSettingsTests
{
    [Fact]
    public void ClusterSettings_Defaults_OrleansPortsAndSesameNames()
    {
        var cluster = new ClusterSettings();

        Assert.Equal((11111, 30000, "sesame", "sesame"), (cluster.SiloPort, cluster.GatewayPort, cluster.ClusterId, cluster.ServiceId));
    }
}
