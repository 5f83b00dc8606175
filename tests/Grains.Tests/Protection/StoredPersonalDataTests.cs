using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Testing;

namespace Sesame.Grains.Tests.Protection;

/// <summary>What a copy of the store gives away: no identifier, NIR, contact, address, birth date or code in clear.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class StoredPersonalDataTests(SharedCluster cluster)
{
    private const string Identifier = "ZQ48KX72";
    private const string Nir = "185037511204529";
    private const string Email = "sophie.martin@courriel.fr";
    private const string Mobile = "+33698765432";
    private const string Street = "12 rue des Tanneurs";
    private const string IbanTail = "FR7612";
    private const string Pin = "482913";

    [Fact]
    public async Task Store_AccountWithSessionCodesAndLetters_HoldsNoPersonalDataInKeysOrValues()
    {
        // A host of its own: its store holds only this account's records, and delivery opens mid-test.
        await using var host = await GrainsTestHost.StartAsync();
        var key = GrainsTestHost.AccountKey(GrainsTestHost.Tenant, Identifier);
        var account = host.Account(key);
        var created = new NewMemberAccount(Pin, new DateOnly(1985, 3, 14))
        {
            Identifier = Identifier,
            Nir = Nir,
            PostalCode = "75012",
            Contacts = new MemberContacts(Email, Mobile, ["Sophie MARTIN", Street, "75012 PARIS"]),
            IbanTail = IbanTail,
        };
        Assert.Equal(AccountCreationStatus.Created, (await account.CreateAsync(created, GrainsTestHost.Origin, CancellationToken.None)).Status);
        Assert.Equal(LoginStatus.Succeeded, (await account.LoginAsync(Pin, null, GrainsTestHost.Origin, CancellationToken.None)).Status);
        await account.StartRecoveryAsync(CodeChannel.Email, RandomToken.New(), GrainsTestHost.Origin, CancellationToken.None);
        await account.IssueSecurityCodeAsync(GrainsTestHost.Origin, CancellationToken.None);

        var pending = await account.GetDueNotificationsAsync(CancellationToken.None);
        var codes = pending.Select(message => message.Payload!).ToList();
        string[] personal = [Identifier, Nir, Email, Mobile, Street, IbanTail, "1985-03-14", "75012", .. codes];
        AssertNotStored(host, personal);

        await host.StartDispatcherAsync();
        await Eventually.TrueAsync(async () => (await host.ReadStoredAsync(key))!.Outbox.Count == 0);
        var letters = await host.Grains.GetGrain<ILetterQueueGrain>(GrainsTestHost.Tenant).ListAsync(CancellationToken.None);

        Assert.Equal([CodeChannel.Email, CodeChannel.Letter], pending.Select(message => message.Channel));
        Assert.Equal(Identifier, Assert.Single(letters).Identifier);
        AssertNotStored(host, personal);
    }

    [Fact]
    public async Task ReadStoredAsync_EncryptedAccount_ReadsBackEveryField()
    {
        var host = cluster.Host;
        var key = GrainsTestHost.NewAccountKey();
        var identifier = GrainsTestHost.IdentifierOf(key);
        var created = new NewMemberAccount(Pin, new DateOnly(1985, 3, 14))
        {
            Identifier = identifier,
            PostalCode = "75012",
            Contacts = new MemberContacts(Email, Mobile, ["Sophie MARTIN", Street]),
        };
        await host.Account(key).CreateAsync(created, GrainsTestHost.Origin, CancellationToken.None);

        var stored = await host.ReadStoredProfileAsync(key);

        Assert.Equal((identifier, new DateOnly(1985, 3, 14), "75012", Email, Mobile), (stored!.Identifier, stored.BirthDate, stored.PostalCode, stored.Email, stored.Mobile));
        Assert.Equal(["Sophie MARTIN", Street], stored.PostalAddress);
    }

    private static void AssertNotStored(GrainsTestHost host, string[] personal)
    {
        Assert.True(host.Storage.Count > 0);
        foreach (var value in personal)
        {
            Assert.False(host.StoredTextContains(value), $"The store holds '{value}' in clear.");
            Assert.DoesNotContain(host.Storage.GrainIds(), id => id.Key.ToString().Contains(value, StringComparison.Ordinal));
        }
    }
}
