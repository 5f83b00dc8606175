namespace Sesame.Storage.AzureTable.Tests;

public sealed class AzureTableStorageOptionsTests
{
    [Fact]
    public void Validate_Defaults_OnlyTheConnectionStringIsMissing()
    {
        var options = new AzureTableStorageOptions();

        var errors = options.Validate();

        Assert.Equal(("sesamegrains", 2, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5)), (options.TableName, options.MaxRetries, options.RetryDelay, options.NetworkTimeout));
        Assert.StartsWith("ConnectionString", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadValues_NamesEachSetting()
    {
        var options = new AzureTableStorageOptions
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableName = "sesame-grains",
            MaxRetries = 11,
            RetryDelay = TimeSpan.Zero,
            NetworkTimeout = TimeSpan.FromHours(1),
        };

        var errors = options.Validate();

        Assert.Equal(["TableName", "MaxRetries", "RetryDelay", "NetworkTimeout"], errors.Select(error => error.Split(' ')[0]));
    }
}
