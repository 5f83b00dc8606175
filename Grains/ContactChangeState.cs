using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>A new contact given during an activation, and the code sent to it; the contact changes once the code comes back.</summary>
internal sealed class ContactChangeState
{
    /// <summary>The new e-mail address or mobile number (international form).</summary>
    [PersonalData]
    public string NewContact { get; set; } = string.Empty;

    public PendingCodeState Code { get; set; } = new();
}
