namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>PingFederate: an SP connection with outbound provisioning through the SCIM connector.</summary>
internal static class PingFederateGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        "pingfederate",
        IdentityProviderNames.Of("pingfederate"),
        "PingFederate provisions through an SP connection with outbound provisioning to the SCIM Connector. It updates users with PUT and groups with PATCH, and finds groups by listing them.",
        [
            new("Make sure PingFederate's provisioner is enabled (System > Protocol Settings > Roles & Protocols: Enable Outbound Provisioning) and the SCIM Connector is installed."),
            new("Under Applications > SP Connections, create a connection (or open the one you sign in with), tick Outbound Provisioning and select the SCIM Connector as the provisioning type."),
            new("Under Outbound Provisioning > Configure Provisioning > Target, enter:",
                context.Endpoint("SCIM URL"),
                new GuideValue("SCIM Version", "2.0"),
                new GuideValue("Authentication Method", "OAuth 2 Bearer Token"),
                GuideContext.Token("Access Token"),
                new GuideValue("Unique User Identifier", "userName")),
            new("Tick the provisioning options to use (create, update, disable or delete users, provision groups), and choose Disable as the remove-user action to keep users readable."),
            new("Under Manage Channels, add a channel: the source data store, the users and groups it selects, and the attribute mapping (below). To send a custom field, add an attribute under its full name, with the URN."),
            new("On Activation & Summary, set the channel and the connection to Active and save."),
        ],
        ["User create", "User update (PUT)", "User disable (active set to false) or delete", "Group create, update and delete (PATCH)"],
        "Source attribute",
        context.Mapping(
        [
            new("userName", "the directory's user name (for example mail or sAMAccountName)", "the unique identifier"),
            new("name.givenName", "givenName"),
            new("name.familyName", "sn"),
            new("emails[type eq \"work\"].value", "mail"),
            new("displayName", "displayName"),
            new("externalId", "the directory's object id (for example objectGUID or entryUUID)"),
            new("active", "derived from the directory's account state"),
        ], "a data store attribute you choose"),
        "PingFederate sends a custom field once the channel's attribute mapping holds it under its full name.",
        "https://docs.pingidentity.com/integrations/scim/pf_scim_connector.html");
}
