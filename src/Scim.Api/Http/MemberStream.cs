using Scim.Grains.Interfaces.Resources;

namespace Scim.Api.Http;

/// <summary>Where the rest of a large group's members are read while a response is written: the tenant's group grains, rendered for this request.</summary>
public sealed record MemberStream(IGrainFactory Grains, string Tenant, RenderOptions Render);
