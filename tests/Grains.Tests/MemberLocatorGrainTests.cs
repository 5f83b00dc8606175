using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class MemberLocatorGrainTests(SharedCluster cluster)
{
    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task AccountKeyAsync_Identifier_KeyOfTheAccountItNames()
    {
        var identifier = TestIdentifiers.For(GrainsTestHost.Tenant);

        var key = await Locator(GrainsTestHost.Tenant).AccountKeyAsync(identifier, CancellationToken.None);

        Assert.Equal(GrainsTestHost.Keys.Account(GrainsTestHost.Tenant, identifier), key);
        Assert.DoesNotContain(identifier, key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInAccountKeyAsync_TenantOfIssuedIdentifiers_KeyOfTheAccountItNames()
    {
        var identifier = TestIdentifiers.For(GrainsTestHost.Tenant);

        var key = await Locator(GrainsTestHost.Tenant).SignInAccountKeyAsync(identifier, CancellationToken.None);

        Assert.Equal(GrainsTestHost.Keys.Account(GrainsTestHost.Tenant, identifier), key);
    }

    [Fact]
    public async Task SignInAccountKeyAsync_ChosenIdentifierClaimed_AccountThatHoldsIt()
    {
        var chosen = TestIdentifiers.For(GrainsTestHost.SpaceTenant, "chosen");
        var holder = GrainsTestHost.NewAccountKey(GrainsTestHost.SpaceTenant);
        await host.Grains.GetGrain<IIdentifierAliasGrain>(GrainsTestHost.Keys.Alias(GrainsTestHost.SpaceTenant, chosen)).ClaimAsync(holder, CancellationToken.None);

        var key = await Locator(GrainsTestHost.SpaceTenant).SignInAccountKeyAsync(chosen, CancellationToken.None);

        Assert.Equal(holder, key);
    }

    [Fact]
    public async Task SignInAccountKeyAsync_ChosenIdentifierNobodyHolds_UnclaimedKeyApartFromTheAccounts()
    {
        var chosen = TestIdentifiers.For(GrainsTestHost.SpaceTenant, "chosen");

        var key = await Locator(GrainsTestHost.SpaceTenant).SignInAccountKeyAsync(chosen, CancellationToken.None);

        Assert.Equal(GrainsTestHost.Keys.UnclaimedAccount(GrainsTestHost.SpaceTenant, chosen), key);
        Assert.NotEqual(GrainsTestHost.Keys.Account(GrainsTestHost.SpaceTenant, chosen), key);
    }

    [Fact]
    public async Task AccountsSharingNirAsync_TwoMembersOnOneNir_BothAccountsThroughEitherSilo()
    {
        var nir = TestIdentifiers.Nir();
        var parent = await CreateAsync(nir);
        var child = await CreateAsync(nir);
        await CreateAsync(TestIdentifiers.Nir());

        var throughFirst = await host.GrainsOn(0).GetGrain<IMemberLocatorGrain>(GrainsTestHost.Tenant).AccountsSharingNirAsync(nir, CancellationToken.None);
        var throughSecond = await host.GrainsOn(1).GetGrain<IMemberLocatorGrain>(GrainsTestHost.Tenant).AccountsSharingNirAsync(nir, CancellationToken.None);

        string[] expected = [.. new[] { parent, child }.Order(StringComparer.Ordinal)];
        Assert.Equal(expected, throughFirst.Order(StringComparer.Ordinal));
        Assert.Equal(expected, throughSecond.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AccountsSharingNirAsync_NirOfNobody_Empty()
    {
        Assert.Empty(await Locator(GrainsTestHost.Tenant).AccountsSharingNirAsync(TestIdentifiers.Nir(), CancellationToken.None));
    }

    private IMemberLocatorGrain Locator(string tenant) => host.Grains.GetGrain<IMemberLocatorGrain>(tenant);

    private async Task<string> CreateAsync(string nir)
    {
        var key = GrainsTestHost.NewAccountKey();
        await host.Account(key).CreateAsync(new NewMemberAccount(null, null) { Identifier = GrainsTestHost.IdentifierOf(key), Nir = nir }, GrainsTestHost.Origin, CancellationToken.None);
        return key;
    }
}
