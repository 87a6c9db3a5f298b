using Scim.Grains.Interfaces.Platform;

namespace Scim.Api.ProvisioningLog;

/// <summary>
/// A finished SCIM request waiting to be written: the entry without its attribute names, and the request body they
/// are read from later, off the request's path (null when there was none or the queue's byte budget was spent).
/// </summary>
public sealed record PendingLogEntry(string Tenant, ProvisioningLogEntry Entry, string? Body);
