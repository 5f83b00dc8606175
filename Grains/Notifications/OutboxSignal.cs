using System.Threading.Channels;

namespace Sesame.Grains.Notifications;

/// <summary>Tells the dispatcher that an account stored a message, so delivery need not wait for the next sweep.</summary>
internal sealed class OutboxSignal
{
    private readonly Channel<string> accounts = Channel.CreateBounded<string>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<string> Reader => accounts.Reader;

    /// <summary>Signals <paramref name="accountKey"/>; if the dispatcher is far behind the signal is dropped and the next sweep finds the message.</summary>
    public void Notify(string accountKey) => accounts.Writer.TryWrite(accountKey);
}
