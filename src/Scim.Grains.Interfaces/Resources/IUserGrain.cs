namespace Scim.Grains.Interfaces.Resources;

/// <summary>A SCIM User (RFC 7643 §4.1), keyed <c>{tenant}/{id}</c>.</summary>
[Alias("scim.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey, IResourceGrain;
