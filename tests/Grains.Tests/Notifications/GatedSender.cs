using Sesame.Grains.Notifications;

namespace Sesame.Grains.Tests.Notifications;

/// <summary>
/// Holds every e-mail and SMS until <see cref="Open"/>, then hands them to the real sender: messages stay in their
/// outboxes meanwhile, as they would before a host started delivering.
/// </summary>
internal sealed class GatedSender(INotificationSender inner) : INotificationSender
{
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public INotificationSender Inner => inner;

    public void Open() => opened.TrySetResult();

    public async Task SendAsync(RenderedMessage message, CancellationToken cancellationToken)
    {
        await opened.Task.WaitAsync(cancellationToken);
        await inner.SendAsync(message, cancellationToken);
    }
}
