using Scim.Grains.Interfaces.Tenants;

namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>Okta: an app integration with SCIM provisioning and a bearer token in the Authorization header.</summary>
internal static class OktaGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        IdentityProviders.Okta,
        IdentityProviderNames.Of(IdentityProviders.Okta),
        "Okta provisions from an app integration with SCIM turned on. It pushes changes as they happen and looks each user up by userName before creating it.",
        [
            new("In the Okta Admin Console, open Applications > Applications and create an app integration (the one you sign in with, or a new SAML or OpenID Connect one). On its General tab, under App Settings, choose Edit, select SCIM as the Provisioning option and save."),
            new("On the Provisioning tab, under Integration, choose Edit and enter:",
                context.Endpoint("SCIM connector base URL"),
                new GuideValue("Unique identifier field for users", "userName"),
                new GuideValue("Authentication Mode", "HTTP Header"),
                GuideContext.Token("Authorization (Bearer)")),
            new("Under Supported provisioning actions, tick Push New Users, Push Profile Updates and Push Groups (and Import New Users and Profile Updates to read users back). Choose Test Connector Configuration, then Save."),
            new("Under Provisioning > To App, choose Edit and enable Create Users, Update User Attributes and Deactivate Users. Save."),
            new("To send a custom field, open Directory > Profile Editor, choose the app's user profile and Add Attribute: the external name is the field's name and the external namespace is the URN below. Map an Okta attribute to it under Provisioning > To App > attribute mappings."),
            new("Assign people and groups on the Assignments tab, and push groups on the Push Groups tab."),
        ],
        ["Push New Users", "Push Profile Updates (a full PUT of the user)", "Deactivate Users (active set to false; Okta never deletes)", "Push Groups (create, rename, members)", "Import New Users and Profile Updates"],
        "Okta attribute",
        context.Mapping(
        [
            new("userName", "user.login (Username)", "the unique identifier"),
            new("name.givenName", "user.firstName"),
            new("name.familyName", "user.lastName"),
            new("emails[primary eq true].value", "user.email"),
            new("displayName", "user.displayName"),
            new("externalId", "the Okta user's id, set by Okta"),
            new("active", "set by Okta on assignment and deactivation"),
            new("title", "user.title"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "user.department"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "user.employeeNumber"),
        ], "an Okta profile attribute you choose"),
        "In Okta's Profile Editor a custom field's external name is its name and its external namespace is the URN.",
        "https://developer.okta.com/docs/guides/scim-provisioning-integration-connect/main/");
}
