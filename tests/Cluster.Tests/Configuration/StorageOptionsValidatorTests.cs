using Sesame.Silo.Configuration;

namespace Sesame.Cluster.Tests.Configuration;

public sealed class StorageOptionsValidatorTests
{
    [Fact]
    public void Validate_AzureTableWithDefaults_OnlyTheConnectionStringIsMissing()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureTable };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal("sesamegrains", options.AzureTable.TableName);
        Assert.StartsWith("Sesame:Storage:AzureTable:ConnectionString ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AzureTableWithBadValues_NamesEachSetting()
    {
        var options = new StorageOptions { Provider = StorageProvider.AzureTable, AzureTable = new() { ConnectionString = "AccountName=sesame", TableName = "sesame-grains" } };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Equal(["Sesame:Storage:AzureTable:ConnectionString", "Sesame:Storage:AzureTable:TableName"], result.Failures!.Select(failure => failure.Split(' ')[0]));
    }

    [Fact]
    public void Validate_MemoryProvider_IgnoresTheAzureTableSettings()
    {
        var options = new StorageOptions { AzureTable = new() { TableName = "sesame-grains" } };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
    }
}
