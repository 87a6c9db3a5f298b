namespace Scim.Api.Pages.Settings.SetupGuides;

/// <summary>Any SCIM 2.0 client (RFC 7644): what it needs to know to talk to the platform.</summary>
internal static class GenericScimGuide
{
    public static SetupGuide Of(GuideContext context) => new(
        "other",
        IdentityProviderNames.Of("other"),
        "Any client that speaks SCIM 2.0 (RFC 7643 and 7644) can provision the platform. It can read what the platform supports from the discovery endpoints.",
        [
            new("In your provisioning client, create a SCIM 2.0 connection (target, application or connector) and enter:",
                context.Endpoint("Base URL"),
                new GuideValue("Authentication", "Bearer token (Authorization: Bearer …)"),
                GuideContext.Token("Token")),
            new("Match users on userName (unique, compared without case) and keep the platform's id the client receives on creation. Match groups on displayName."),
            new("If the client discovers schemas, point it at /ServiceProviderConfig, /ResourceTypes and /Schemas under the base URL: the custom fields are listed there under their URN."),
            new("Deactivate users by setting active to false (a PATCH or a PUT); delete them only when they should be gone for good."),
            new("Send a first request, for example a lookup by userName; this page's connection check shows it."),
        ],
        ["Create, read, replace (PUT), patch (PATCH) and delete users and groups", "Filters (eq, co, sw, and more), sorting and paging", "Bulk requests", "ETags (If-Match)"],
        "Your client's attribute",
        context.Mapping(
        [
            new("userName", "the login name or e-mail", "the unique identifier"),
            new("name.givenName", "first name"),
            new("name.familyName", "last name"),
            new("emails", "e-mail addresses, one of them primary"),
            new("displayName", "display name"),
            new("externalId", "the client's own id for the user"),
            new("active", "whether the user may sign in"),
        ], "what you choose"),
        "A custom field's full name is the URN, a colon, and the field's name; in a body it can also be sent as an object under the URN.",
        "https://www.rfc-editor.org/rfc/rfc7644");
}
