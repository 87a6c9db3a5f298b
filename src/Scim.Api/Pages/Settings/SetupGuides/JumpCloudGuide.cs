namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>JumpCloud: identity management (SCIM 2.0) on an SSO application.</summary>
internal static class JumpCloudGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        "jumpcloud",
        IdentityProviderNames.Of("jumpcloud"),
        "JumpCloud provisions from an SSO application's Identity Management tab. When you activate it, it creates and deletes a test user and a test group: they show in this platform's provisioning log.",
        [
            new("In the JumpCloud Admin Portal, open SSO Applications, choose Add New Application and select Custom Application (or the application you sign in with), with Manage Single Sign-On and Export users to this app (Identity Management) ticked."),
            new("On the Identity Management tab, select SCIM API Type 2.0 and enter:", context.Endpoint("Base URL"), GuideContext.Token("Token Key"), new GuideValue("Test User Email", "an address of your domain that is not a platform user yet")),
            new("Choose Test Connection, then turn on Group Management if groups should follow, and Activate."),
            new("To send a custom field, add it under Attribute Mapping (Custom Attributes) with its full name below, filled from a JumpCloud custom attribute."),
            new("On the User Groups tab, bind the user groups whose members the application provisions, and save."),
        ],
        ["Create users", "Update users", "Deactivate users (suspended or unbound: active set to false)", "Delete users", "Group management (groups and members)"],
        "JumpCloud attribute",
        context.Mapping(
        [
            new("userName", "email (Company Email)", "the unique identifier"),
            new("name.givenName", "firstname"),
            new("name.familyName", "lastname"),
            new("emails[type eq \"work\"].value", "email"),
            new("displayName", "displayname"),
            new("externalId", "the JumpCloud user's id"),
            new("title", "jobTitle"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "department"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "employeeIdentifier"),
        ], "a JumpCloud custom attribute"),
        "JumpCloud sends a custom field under the name you give it in the attribute mapping: use the full name, with the URN.",
        "https://jumpcloud.com/support/use-a-custom-scim-integration");
}
