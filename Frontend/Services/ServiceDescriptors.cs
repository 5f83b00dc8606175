using Google.Protobuf.Reflection;
using Grpc.Health.V1;
using Sesame.V1;

namespace Sesame.Frontend.Services;

/// <summary>The proto services Sésame serves.</summary>
internal static class ServiceDescriptors
{
    public static ServiceDescriptor Health { get; } = HealthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Health");

    public static ServiceDescriptor MemberAuth { get; } = MemberAuthReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MemberAuth");

    public static ServiceDescriptor Portal { get; } = PortalReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Portal");

    public static ServiceDescriptor MemberRecovery { get; } = MemberRecoveryReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MemberRecovery");

    public static ServiceDescriptor MemberActivation { get; } = MemberActivationReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MemberActivation");

    public static ServiceDescriptor MemberAdmin { get; } = MemberAdminReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MemberAdmin");
}
