using Sesame.Grains.Interfaces.Notifications;
using Sesame.Grains.Interfaces.Recovery;
using Sesame.Grains.Notifications;
using Sesame.Silo.Demo;

namespace Sesame.Silo.Tests.Notifications;

/// <summary>The SMS every demo portal would send fit one SMS, so none is refused for its length.</summary>
public sealed class DemoSmsTests
{
    [Fact]
    public void Render_EveryKindBySmsForEveryDemoTenant_OneGsm7SmsWithinTheTenantLimit()
    {
        // Arrange: the longest values a message carries: a 64-character identifier, a 32-character provisional code,
        // a 16-character one-time code.
        var now = new DateTimeOffset(2026, 11, 30, 21, 10, 0, TimeSpan.Zero);
        foreach (var (tenant, policy) in DemoData.Tenants)
        {
            foreach (var kind in Enum.GetValues<NotificationKind>())
            {
                var payload = kind switch
                {
                    NotificationKind.IdentifierReminder => new string('m', 64),
                    NotificationKind.ProvisionalCode => new string('K', 32),
                    _ => new string('9', 16),
                };
                var notification = new Notification("n1", kind, CodeChannel.Sms, "+33612345678", payload, now, now.AddDays(42), "MES-0000001");

                // Act
                var sms = MessageRenderer.Render(notification, tenant, policy.DisplayName).Body;

                // Assert
                Assert.True(SmsText.IsGsm7(sms), $"{tenant} {kind}: {sms}");
                Assert.True(SmsText.Length(sms) <= 160, $"{tenant} {kind}: {SmsText.Length(sms)} characters: {sms}");
                Assert.True(SmsText.Length(sms) <= SmsText.LimitFor(sms, policy.Sms.MaxLength), $"{tenant} {kind}: over {policy.Sms.MaxLength}");
            }
        }
    }
}
