using Grpc.Core;

namespace Sesame.Frontend.Grpc;

/// <summary>
/// An exception type that ends a call with <see cref="Status"/> and a fixed <see cref="Detail"/> instead of
/// <see cref="StatusCode.Internal"/>: the failure of a dependency the caller can wait out, such as storage.
/// </summary>
internal sealed record ExceptionStatus(Type ExceptionType, StatusCode Status, string Detail);
