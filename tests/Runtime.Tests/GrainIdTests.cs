namespace Sesame.Runtime.Tests;

public sealed class GrainIdTests
{
    [Fact]
    public void ToString_KeyWithPersonalIdentifier_ShowsTenantAndHidesTheRest()
    {
        var id = new GrainId("account", "cpms/185057800608436");

        var text = id.ToString();

        Assert.StartsWith("account/cpms/#", text, StringComparison.Ordinal);
        Assert.DoesNotContain("185057800608436", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_SameKey_IsStableWithinProcess()
    {
        Assert.Equal(new GrainId("account", "acs/A1").ToString(), new GrainId("account", "acs/A1").ToString());
        Assert.NotEqual(new GrainId("account", "acs/A1").ToString(), new GrainId("account", "acs/A2").ToString());
    }
}
