namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>Google Workspace: auto-provisioning on the app you sign in with.</summary>
internal static class GoogleWorkspaceGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        "google",
        IdentityProviderNames.Of("google"),
        "Google Workspace provisions from an app's auto-provisioning settings. It reads this platform's attributes from its /Schemas endpoint to offer the mapping, and suspends (active set to false) before it deletes.",
        [
            new("In the Google Admin console, open Apps > Web and mobile apps and open the app you sign in with (add it with Add app if it is not there). Auto-provisioning needs a Google Workspace edition that offers it for the app."),
            new("Open Auto-provisioning and choose Set up auto-provisioning. Enter:", GuideContext.Token("Access token"), context.Endpoint("Endpoint URL")),
            new("Map the attributes: Google lists this platform's attributes, including the custom fields below, and you pick the Google attribute (or custom attribute) for each. Keep userName mapped to the primary email."),
            new("Choose the provisioning scope (the groups whose members are provisioned), and under Deprovisioning what happens when the app is turned off for a user or the user is suspended or deleted. Finish."),
            new("Turn auto-provisioning ON; this page's connection check shows Google's first call."),
        ],
        ["Create users", "Update users", "Suspend users (active set to false)", "Delete users (after the delay you set)"],
        "Google attribute",
        context.Mapping(
        [
            new("userName", "Basic information > Primary email", "the unique identifier"),
            new("name.givenName", "Basic information > First name"),
            new("name.familyName", "Basic information > Last name"),
            new("emails[type eq \"work\"].value", "Basic information > Primary email"),
            new("externalId", "the Google user's id"),
            new("title", "Employee details > Title"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "Employee details > Department"),
            new("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "Employee details > Employee ID"),
        ], "a Google custom attribute you pick"),
        "Google offers the custom fields by their full name, read from /Schemas; no field has to be typed in.",
        "https://support.google.com/a/answer/7365072");
}
