
namespace Scim.Grains.Schemas;

/// <summary>The core User schema (RFC 7643 §4.1, §8.7.1).</summary>
public static class UserSchema
{
    private static readonly string[] ExternalReference = ["external"];

    /// <summary>
    /// Derived, never stored: direct and indirect groups (DESIGN §1). value is a resource id, so it compares exactly
    /// (RFC 7643 §3.1), as members.value does.
    /// </summary>
    public static readonly AttributeDefinition Groups = Attr.Complex("groups",
        "A list of groups to which the user belongs, either through direct membership or through nested groups.",
        [
            Attr.String("value", "The identifier of the User's group.", caseExact: true, mutability: Mutability.ReadOnly),
            Attr.Reference("$ref", "The URI of the corresponding 'Group' resource to which the user belongs.", ["Group"], Mutability.ReadOnly),
            Attr.String("display", "A human-readable name, primarily used for display purposes.", mutability: Mutability.ReadOnly),
            Attr.String("type", "A label indicating the attribute's function, e.g., 'direct' or 'indirect'.",
                mutability: Mutability.ReadOnly, canonicalValues: ["direct", "indirect"]),
        ], multiValued: true, mutability: Mutability.ReadOnly);

    public static readonly SchemaDefinition Definition = new(SchemaUrns.User, "User", "User Account",
    [
        Attr.String("userName", $"Unique identifier for the User, typically used by the user to directly authenticate to the service provider; at most {ScimLimits.MaxIndexedLength} characters.",
            required: true, uniqueness: Uniqueness.Server),
        Attr.Complex("name", "The components of the user's real name.",
        [
            Attr.String("formatted", "The full name, including all middle names, titles, and suffixes as appropriate, formatted for display."),
            Attr.String("familyName", "The family name of the User, or last name in most Western languages."),
            Attr.String("givenName", "The given name of the User, or first name in most Western languages."),
            Attr.String("middleName", "The middle name(s) of the User."),
            Attr.String("honorificPrefix", "The honorific prefix(es) of the User, or title in most Western languages."),
            Attr.String("honorificSuffix", "The honorific suffix(es) of the User, or suffix in most Western languages."),
        ]),
        Attr.String("displayName", $"The name of the User, suitable for display to end-users; at most {ScimLimits.MaxIndexedLength} characters."),
        Attr.String("nickName", "The casual way to address the user in real life."),
        Attr.Reference("profileUrl", "A fully qualified URL pointing to a page representing the User's online profile.", ExternalReference, caseExact: false),
        Attr.String("title", "The user's title, such as \"Vice President.\""),
        Attr.String("userType", "Used to identify the relationship between the organization and the user."),
        Attr.String("preferredLanguage", "Indicates the User's preferred written or spoken language."),
        Attr.String("locale", "Used to indicate the User's default location for purposes of localizing items such as currency, date time format, or numerical representations."),
        Attr.String("timezone", "The User's time zone in the 'Olson' time zone database format, e.g., 'America/Los_Angeles'."),
        Attr.Boolean("active", "A Boolean value indicating the User's administrative status."),
        Attr.String("password", "The User's cleartext password, used to set or compare it; never returned.",
            caseExact: true, mutability: Mutability.WriteOnly, returned: Returned.Never),
        Attr.MultiValuedValue("emails", "Email addresses for the user.", ["work", "home", "other"]),
        Attr.MultiValuedValue("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
        Attr.MultiValuedValue("ims", "Instant messaging addresses for the User.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
        Attr.MultiValuedValue("photos", "URLs of photos of the User.", ["photo", "thumbnail"], AttributeType.Reference, ExternalReference),
        Attr.Complex("addresses", "A physical mailing address for this User.",
        [
            Attr.String("formatted", "The full mailing address, formatted for display or use with a mailing label."),
            Attr.String("streetAddress", "The full street address component."),
            Attr.String("locality", "The city or locality component."),
            Attr.String("region", "The state or region component."),
            Attr.String("postalCode", "The zip code or postal code component."),
            Attr.String("country", "The country name component."),
            Attr.String("type", "A label indicating the attribute's function, e.g., 'work' or 'home'.", canonicalValues: ["work", "home", "other"]),
            Attr.Boolean("primary", "A Boolean value indicating the 'primary' or preferred address."),
        ], multiValued: true),
        Groups,
        Attr.MultiValuedValue("entitlements", "A list of entitlements for the User that represent a thing the User has.", null),
        Attr.MultiValuedValue("roles", "A list of roles for the User that collectively represent who the User is.", null),
        Attr.MultiValuedValue("x509Certificates", "A list of certificates issued to the User.", null, AttributeType.Binary),
    ]);
}
