using Grpc.Core;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// An exception type that ends a call with <see cref="Status"/> and a fixed <see cref="Detail"/> instead of
/// <see cref="StatusCode.Internal"/>: the failure of a dependency the caller can wait out, such as storage.
/// </summary>
internal sealed record ExceptionStatus(Type ExceptionType, StatusCode Status, string Detail)
{
    /// <summary>
    /// The status of <paramref name="exception"/> or of its first inner exception that has one, outermost first:
    /// Orleans wraps a storage provider's failure in an <c>OrleansException</c>, around the Azure SDK's
    /// <see cref="AggregateException"/> of its retries, around the <c>RequestFailedException</c> that says what failed.
    /// </summary>
    public static ExceptionStatus? Of(Exception exception, IReadOnlyList<ExceptionStatus> statuses)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            foreach (var status in statuses)
            {
                if (status.ExceptionType.IsInstanceOfType(cause))
                {
                    return status;
                }
            }
        }

        return null;
    }
}
