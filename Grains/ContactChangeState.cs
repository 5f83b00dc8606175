using Sesame.Grains.Protection;

namespace Sesame.Grains;

/// <summary>A new contact given during an activation, and the code sent to it; the contact changes once the code comes back.</summary>
[GenerateSerializer, Alias("sesame.state.ContactChangeState")]
internal sealed class ContactChangeState
{
    /// <summary>The new e-mail address or mobile number (international form).</summary>
    [PersonalData]
    [Id(0)]
    public string NewContact { get; set; } = string.Empty;

    [Id(1)]
    public PendingCodeState Code { get; set; } = new();
}
