namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>OneLogin: the SCIM provisioner connector, with a JSON template of what it sends.</summary>
internal static class OneLoginGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        "onelogin",
        IdentityProviderNames.Of("onelogin"),
        "OneLogin provisions with its SCIM Provisioner connector; what it sends is the SCIM JSON template you can edit on the connector.",
        [
            new("In OneLogin, open Applications > Applications, choose Add App and add “SCIM Provisioner with SAML (SCIM v2 Enterprise)” (or the OIDC variant you sign in with). Save it."),
            new("On the Configuration tab, enter:", context.Endpoint("SCIM Base URL"), GuideContext.Token("SCIM Bearer Token")),
            new("Keep the SCIM JSON Template's \"userName\" as the unique identifier. To send a custom field, add the URN below to the template's \"schemas\" list and an object under the URN holding the field, filled from a parameter."),
            new("Under API Connection, choose Enable; this page's connection check shows OneLogin's first call."),
            new("On the Provisioning tab, tick Enable provisioning, choose what happens when a user is deleted or suspended in OneLogin (Suspend sets active to false) and save. On the Parameters tab, set the SCIM Username and tick “Include in User Provisioning” for the attributes and groups to send."),
            new("Grant the app to users (through roles) and, under Users, approve the pending provisioning tasks if approval is on."),
        ],
        ["Create users", "Update users (a full PUT)", "Suspend users (active set to false) or delete them", "Provision groups and their members"],
        "OneLogin parameter",
        context.Mapping(
        [
            new("userName", "SCIM Username (the user's email by default)", "the unique identifier"),
            new("name.givenName", "{$user.firstname}"),
            new("name.familyName", "{$user.lastname}"),
            new("emails[primary eq true].value", "{$user.email}"),
            new("displayName", "{$user.display_name}"),
            new("externalId", "{$user.id}"),
            new("title", "{$user.title}"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "{$user.department}"),
        ], "a parameter you add to the template"),
        "OneLogin sends a custom field when the SCIM JSON Template lists the URN in \"schemas\" and holds the field under it.",
        "https://onelogin.service-now.com/support?id=kb_article&sys_id=5aa91d03db109700d5505eea4b961947");
}
