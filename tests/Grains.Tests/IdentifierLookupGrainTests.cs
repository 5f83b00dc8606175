using System.Net;
using System.Security.Cryptography;
using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

[Collection(SharedClusterCollection.Name)]
public sealed class IdentifierLookupGrainTests(SharedCluster cluster)
{
    private const string Email = "sophie.martin@courriel.fr";
    private const string PostalCode = "75012";
    private const string IbanTail = "FR7612";

    private static readonly DateOnly BirthDate = new(1985, 3, 14);

    private readonly GrainsTestHost host = cluster.Host;

    [Fact]
    public async Task RecoverAsync_MemberWithEmail_IdentifierSentToTheMaskedAddress()
    {
        var nir = TestIdentifiers.Nir();
        var key = await CreateMemberAsync(nir, Email);

        var result = await Lookup().RecoverAsync(Query(nir), NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRecoveryStatus.EmailSent, result.Status);
        Assert.Equal(["s****@c****.fr"], result.MaskedEmails);
        Assert.Empty(result.MaskedMobiles);
        Assert.Equal(AuditEvent.IdentifierSent, (await host.Account(key).GetAuditTrailAsync(CancellationToken.None))![^1].Event);
    }

    [Fact]
    public async Task RecoverAsync_PostalCodeOfAnotherPlace_IbanRequiredAndNothingSent()
    {
        var nir = TestIdentifiers.Nir();
        var key = await CreateMemberAsync(nir, Email);

        var result = await Lookup().RecoverAsync(Query(nir) with { PostalCode = "69001" }, NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRecoveryStatus.IbanRequired, result.Status);
        Assert.DoesNotContain((await host.Account(key).GetAuditTrailAsync(CancellationToken.None))!, entry => entry.Event == AuditEvent.IdentifierSent);
    }

    [Fact]
    public async Task RevealAsync_MemberWithoutEmailAndTheRightIbanTail_Revealed()
    {
        var nir = TestIdentifiers.Nir();
        var key = await CreateMemberAsync(nir, email: null);
        await CreateMemberAsync(nir, email: null, ibanTail: "DE4401");

        var recovered = await Lookup().RecoverAsync(Query(nir), NewOrigin(), CancellationToken.None);
        var revealed = await Lookup().RevealAsync(Query(nir), IbanTail, NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRecoveryStatus.IbanRequired, recovered.Status);
        Assert.Equal(IdentifierRevealStatus.Revealed, revealed.Status);
        Assert.Equal([GrainsTestHost.IdentifierOf(key)], revealed.Identifiers);
    }

    [Fact]
    public async Task RevealAsync_MemberReachedByEmail_NotMatchedEvenWithTheRightIbanTail()
    {
        var nir = TestIdentifiers.Nir();
        await CreateMemberAsync(nir, Email);

        var result = await Lookup().RevealAsync(Query(nir), IbanTail, NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRevealStatus.NotMatched, result.Status);
        Assert.Empty(result.Identifiers);
    }

    [Fact]
    public async Task RevealAsync_NobodyMatches_TheWorkOfOneComparison()
    {
        var before = host.SecretsVerified;

        var result = await Lookup().RevealAsync(Query(TestIdentifiers.Nir()), IbanTail, NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRevealStatus.NotMatched, result.Status);
        Assert.Equal(before + 1, host.SecretsVerified);
    }

    [Fact]
    public async Task RecoverAsync_SixthLookupOfOneNirThroughTwoSilos_BothStepsTooManyAttemptsForTheWindow()
    {
        var nir = TestIdentifiers.Nir();
        for (var lookup = 0; lookup < 5; lookup++)
        {
            await host.GrainsOn(lookup % 2).GetGrain<IIdentifierLookupGrain>(GrainsTestHost.Tenant).RecoverAsync(Query(nir), NewOrigin(), CancellationToken.None);
        }

        var recovered = await Lookup().RecoverAsync(Query(nir), NewOrigin(), CancellationToken.None);
        var revealed = await Lookup().RevealAsync(Query(nir), IbanTail, NewOrigin(), CancellationToken.None);

        Assert.Equal(IdentifierRecoveryStatus.TooManyAttempts, recovered.Status);
        Assert.Equal(TimeSpan.FromHours(1), recovered.RetryAfter);
        Assert.Equal(IdentifierRevealStatus.TooManyAttempts, revealed.Status);
        Assert.Equal(TimeSpan.FromHours(1), revealed.RetryAfter);
    }

    [Fact]
    public async Task RecoverAsync_ClientAddressBudgetSpent_RefusedAndTheNirKeepsItsLookups()
    {
        var origin = NewOrigin();
        for (var lookup = 0; lookup < 20; lookup++)
        {
            await Lookup().RecoverAsync(Query(TestIdentifiers.Nir()), origin, CancellationToken.None);
        }

        var nir = TestIdentifiers.Nir();
        var refused = await Lookup().RecoverAsync(Query(nir), origin, CancellationToken.None);
        var elsewhere = new List<IdentifierRecoveryStatus>();
        for (var lookup = 0; lookup < 5; lookup++)
        {
            elsewhere.Add((await Lookup().RecoverAsync(Query(nir), NewOrigin(), CancellationToken.None)).Status);
        }

        Assert.Equal(IdentifierRecoveryStatus.TooManyAttempts, refused.Status);
        Assert.All(elsewhere, status => Assert.Equal(IdentifierRecoveryStatus.IbanRequired, status));
    }

    [Fact]
    public async Task RecoverAsync_PortalSendsNoClientAddress_PortalHasOneBudgetOfItsOwn()
    {
        var portal = new CallOrigin($"portal-{Guid.NewGuid():N}", null, null);
        for (var lookup = 0; lookup < 20; lookup++)
        {
            await Lookup().RecoverAsync(Query(TestIdentifiers.Nir()), portal, CancellationToken.None);
        }

        var refused = await Lookup().RecoverAsync(Query(TestIdentifiers.Nir()), portal, CancellationToken.None);
        var otherPortal = await Lookup().RecoverAsync(Query(TestIdentifiers.Nir()), portal with { Caller = $"portal-{Guid.NewGuid():N}" }, CancellationToken.None);

        Assert.Equal(IdentifierRecoveryStatus.TooManyAttempts, refused.Status);
        Assert.Equal(IdentifierRecoveryStatus.IbanRequired, otherPortal.Status);
    }

    private static IdentityQuery Query(string nir) => new(nir, BirthDate, PostalCode);

    /// <summary>A caller from an address of its own, so that no other test spends its budget.</summary>
    private static CallOrigin NewOrigin() => GrainsTestHost.Origin with { ClientIp = new IPAddress(RandomNumberGenerator.GetBytes(16)).ToString() };

    private IIdentifierLookupGrain Lookup() => host.Grains.GetGrain<IIdentifierLookupGrain>(GrainsTestHost.Tenant);

    private async Task<string> CreateMemberAsync(string nir, string? email, string ibanTail = IbanTail)
    {
        var key = GrainsTestHost.NewAccountKey();
        var member = new NewMemberAccount(null, BirthDate)
        {
            Identifier = GrainsTestHost.IdentifierOf(key),
            Nir = nir,
            PostalCode = PostalCode,
            Contacts = new MemberContacts(email, null, []),
            IbanTail = ibanTail,
        };
        await host.Account(key).CreateAsync(member, GrainsTestHost.Origin, CancellationToken.None);
        return key;
    }
}
