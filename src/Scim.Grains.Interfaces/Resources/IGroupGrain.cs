namespace Scim.Grains.Interfaces.Resources;

/// <summary>
/// A SCIM Group (RFC 7643 §4.2), keyed <c>{tenant}/{id}</c>. Membership changes of one group are serialized by
/// its activation.
/// </summary>
[Alias("scim.IGroupGrain")]
public interface IGroupGrain : IGrainWithStringKey, IResourceGrain;
