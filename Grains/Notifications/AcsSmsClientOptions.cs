using Azure.Core;

namespace Sesame.Grains.Notifications;

/// <summary>The Azure.Core pipeline options of <see cref="AcsSmsSender"/>: retries, network timeout and diagnostics.</summary>
internal sealed class AcsSmsClientOptions : ClientOptions
{
}
