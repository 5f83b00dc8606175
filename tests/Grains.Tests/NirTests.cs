using Sesame.Grains.Interfaces;
using Sesame.Testing;

namespace Sesame.Grains.Tests;

public sealed class NirTests
{
    [Theory]
    [InlineData("185057800608491", "185057800608491")]
    [InlineData("1 85 05 78 006 084 91", "185057800608491")]
    [InlineData("292037512003265", "292037512003265")]
    public void Normalize_ValidNir_WithoutSpaces(string value, string expected) => Assert.Equal(expected, Nir.Normalize(value));

    [Fact]
    public void Normalize_CorsicanDepartments_KeyComputedWith19And18()
    {
        // 2A counts as 19 and 2B as 18 in the key's computation.
        var corseDuSud = "185052A123456" + (97 - (1850519123456L % 97)).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var hauteCorse = "285052B123456" + (97 - (2850518123456L % 97)).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(corseDuSud, Nir.Normalize(corseDuSud));
        Assert.Equal(hauteCorse, Nir.Normalize(hauteCorse.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("185057800608492")]
    [InlineData("18505780060849")]
    [InlineData("1850578006084911")]
    [InlineData("18505780060849A")]
    [InlineData("185052C12345678")]
    [InlineData("")]
    public void Normalize_BadLengthCharactersOrKey_Null(string value) => Assert.Null(Nir.Normalize(value));

    [Fact]
    public void TestIdentifiers_Nir_AlwaysValid() =>
        Assert.All(Enumerable.Range(0, 200).Select(_ => TestIdentifiers.Nir()), nir => Assert.Equal(nir, Nir.Normalize(nir)));
}
