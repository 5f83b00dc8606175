using Sesame.Grains.Interfaces;

namespace Sesame.Frontend.Services;

/// <summary>An identifier lookup that passed the edge; <see cref="RetryAfter"/> is set when a budget refused it.</summary>
internal sealed record IdentifierLookup(string Tenant, string NirDigest, DateOnly BirthDate, string PostalCode, CallOrigin Origin, TimeSpan? RetryAfter);
