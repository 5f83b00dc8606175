namespace Sesame.LoadTest.Inbox;

/// <summary>
/// Where the tool reads the one-time codes Sésame e-mails to test members (recovery codes, access codes, provisional
/// codes): smtp4dev's web API (<c>--smtp4dev URL</c>), or, in tests, the server's dev outbox.
/// </summary>
internal interface ICodeInbox
{
    /// <summary>The one-time codes e-mailed to <paramref name="address"/> so far, oldest first.</summary>
    ValueTask<IReadOnlyList<string>> CodesToAsync(string address, CancellationToken cancellationToken);
}
