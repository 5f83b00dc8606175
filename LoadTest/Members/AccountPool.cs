using System.Collections.Concurrent;

namespace Sesame.LoadTest.Members;

/// <summary>
/// The members of a run, handed to one journey at a time (a member does not sign in twice at once, and a journey
/// that changes the PIN must not race a sign-in). Lockout members are handed out once each per run.
/// </summary>
internal sealed class AccountPool
{
    private readonly Dictionary<string, ConcurrentQueue<TestMember>> idle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConcurrentQueue<TestMember>> lockouts = new(StringComparer.Ordinal);

    public AccountPool(IEnumerable<TestMember> members)
    {
        foreach (var member in members)
        {
            if (member.Tenant == "mes" && !member.Activated)
            {
                continue;
            }

            var queues = member.Role == MemberRole.Lockout ? lockouts : idle;
            if (!queues.TryGetValue(member.Tenant, out var queue))
            {
                queues[member.Tenant] = queue = new ConcurrentQueue<TestMember>();
            }

            queue.Enqueue(member);
        }
    }

    /// <summary>A member of <paramref name="tenant"/> no other journey holds, or null; give it back with <see cref="Return"/>.</summary>
    public TestMember? Lease(string tenant) =>
        idle.TryGetValue(tenant, out var queue) && queue.TryDequeue(out var member) ? member : null;

    public void Return(TestMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        idle[member.Tenant].Enqueue(member);
    }

    /// <summary>A lockout member of <paramref name="tenant"/> not hammered yet in this run, or null.</summary>
    public TestMember? TakeForLockout(string tenant) =>
        lockouts.TryGetValue(tenant, out var queue) && queue.TryDequeue(out var member) ? member : null;
}
