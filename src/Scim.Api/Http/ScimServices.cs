using Microsoft.Extensions.Options;

namespace Scim.Api.Http;

/// <summary>What every SCIM handler needs, bound with [AsParameters].</summary>
public sealed record ScimServices(IGrainFactory Grains, RequestBodies Bodies, IOptions<ScimApiOptions> Options);
