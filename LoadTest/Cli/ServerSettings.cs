using Sesame.LoadTest.Inbox;
using Sesame.LoadTest.Load;

namespace Sesame.LoadTest.Cli;

/// <summary>The servers both commands talk to, their keys, the call deadline, and smtp4dev where codes are read.</summary>
internal sealed record ServerSettings(IReadOnlyList<string> Addresses, string BackOfficeKey, string PortalKey, Uri? Smtp4dev, TimeSpan Deadline)
{
    /// <summary>The clients of <paramref name="addresses"/> (<see cref="Addresses"/> parsed) for <paramref name="tenants"/>' portals and the back office.</summary>
    public ClientSet Connect(IReadOnlyList<Uri> addresses, IEnumerable<string> tenants) =>
        new(addresses, tenants, tenant => PortalKey.Replace("{tenant}", tenant, StringComparison.Ordinal), BackOfficeKey, Deadline);

    /// <summary>smtp4dev's inbox when <c>--smtp4dev</c> is given and the environment brings none of its own.</summary>
    public Smtp4devInbox? OpenSmtp4dev(ToolEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Smtp4dev is { } web && environment.Inbox is null ? new Smtp4devInbox(web, environment.Time) : null;
    }
}
