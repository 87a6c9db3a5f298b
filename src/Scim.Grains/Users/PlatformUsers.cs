using System.Text.Json.Nodes;
using Scim.Grains.Documents;
using Scim.Grains.Interfaces.Platform;
using Scim.Grains.Interfaces.Resources;
using Scim.Grains.Rules;

namespace Scim.Grains.Users;

/// <summary>A stored user as the platform sees it: its userName, e-mail addresses and role.</summary>
internal static class PlatformUsers
{
    public static PlatformUser Of(StoredResource user)
    {
        var emails = user.Document["emails"] is JsonArray values
            ? values.Select(e => e?["value"]?.GetValue<string>()).OfType<string>().ToList()
            : [];
        return new PlatformUser(user.Id, ResourceDocument.GetString(user.Document, UniqueNames.Attribute(ResourceKind.User))!, emails, user.Role);
    }
}
