using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>Microsoft Entra ID: an enterprise application of your own with automatic provisioning.</summary>
internal static class EntraGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        IdentityProviders.Entra,
        IdentityProviderNames.Of(IdentityProviders.Entra),
        "Entra ID provisions from an enterprise application. Its provisioning service runs a cycle about every 40 minutes; users and groups must be assigned to the application to be provisioned.",
        [
            new("In the Microsoft Entra admin center, open Enterprise applications, choose New application, then Create your own application. Name it, select “Integrate any other application you don't find in the gallery (Non-gallery)” and create it."),
            new("Open the application's Provisioning page, choose Get started (or New configuration) and set the Provisioning Mode to Automatic."),
            new("Under Admin Credentials, enter:", context.Endpoint("Tenant URL"), GuideContext.Token("Secret Token")),
            new("Choose Test Connection. Entra ID looks up a random user and group; this page's connection check shows the call. Then save."),
            new("Under Mappings, open “Provision Microsoft Entra ID Users”: keep userName as the matching attribute (matching precedence 1) and remove the attributes you do not need. To send a custom field, tick “Show advanced options”, choose “Edit attribute list for” the application, add the field under its full name (below) with its type, then map an Entra attribute to it."),
            new("Under Settings, set Scope to “Sync only assigned users and groups”, assign users and groups under Users and groups, set Provisioning Status to On and save."),
        ],
        ["Create users", "Update user attributes", "Disable users (active set to false when they are unassigned)", "Delete users (after the soft-delete period)", "Create, rename and delete groups", "Add and remove group members"],
        "Entra ID attribute",
        context.Mapping(
        [
            new("userName", "userPrincipalName", "the unique identifier: matching attribute"),
            new("active", "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")"),
            new("displayName", "displayName"),
            new("name.givenName", "givenName"),
            new("name.familyName", "surname"),
            new("emails[type eq \"work\"].value", "mail"),
            new("externalId", "mailNickname"),
            new("title", "jobTitle"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "department"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "employeeId"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "manager"),
        ], "an Entra attribute or extension attribute you choose"),
        "Entra ID sends a custom field only once it is in the application's attribute list under its full name, with the URN.",
        "https://learn.microsoft.com/entra/identity/app-provisioning/use-scim-to-provision-users-and-groups");
}
