using Sesame.Grains.Interfaces;
using Sesame.Grains.Interfaces.Secrets;
using Sesame.Grains.Interfaces.Tenants;
using Sesame.LoadTest.Members;

namespace Sesame.LoadTest.Tests.Members;

public sealed class MemberGeneratorTests
{
    [Fact]
    public void Make_EveryTenant_UniqueIdentifiersAndNirsWithValidKeys()
    {
        var generator = new MemberGenerator("QXZW", new Random(7));

        var members = MemberGenerator.Tenants.SelectMany(tenant => Enumerable.Range(0, 50).Select(index => generator.Make(tenant, index))).ToList();

        Assert.Equal(members.Count, members.Select(member => (member.Tenant, member.Identifier)).Distinct().Count());
        Assert.Equal(members.Count, members.Select(member => member.Nir).Distinct().Count());
        Assert.All(members, member => Assert.NotNull(Nir.Normalize(member.Nir)));
        Assert.All(members.Where(member => member.Tenant == "cpms"), member => Assert.Equal(member.Nir, member.Identifier));
        Assert.All(members.Where(member => member.Tenant == "mnt"), member => Assert.True(member.Identifier.All(char.IsAsciiDigit)));
    }

    [Fact]
    public void Make_PinTenants_OneInTenKeptForLockouts()
    {
        var generator = new MemberGenerator("QXZW", new Random(7));

        var roles = Enumerable.Range(0, 20).Select(index => generator.Make("acs", index).Role).ToList();

        Assert.Equal(2, roles.Count(role => role == MemberRole.Lockout));
        Assert.Equal(MemberRole.Regular, generator.Make("cpms", 9).Role);
    }

    [Fact]
    public void Make_Secrets_PassTheServersRules()
    {
        var generator = new MemberGenerator("QXZW", new Random(11));
        var pin = new SecretPolicy();
        var mnt = new SecretPolicy { Kind = SecretKind.Password, Password = new PasswordRules { RequireLowercase = false, ForbiddenCharacters = "'%\\_" } };
        var mes = new SecretPolicy { Kind = SecretKind.Password, Password = new PasswordRules { MinLength = 8 } };

        var members = Enumerable.Range(0, 200).SelectMany(index => new[] { generator.Make("assu2000", index), generator.Make("mnt", index), generator.Make("mes", index) });

        Assert.All(members, member => Assert.Empty(SecretRules.Check(
            member.Tenant switch { "mnt" => mnt, "mes" => mes, _ => pin },
            member.Secret,
            DateOnly.Parse(member.BirthDate, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Other_AnyPin_DiffersAndPassesTheRules()
    {
        var birthDate = new DateOnly(1985, 3, 15);

        var others = Enumerable.Range(0, 200).Select(_ => TestPins.Other("482913", birthDate, Random.Shared)).ToList();

        Assert.DoesNotContain("482913", others);
        Assert.All(others, other => Assert.Empty(SecretRules.Check(new SecretPolicy(), other, birthDate)));
    }
}
