namespace Scim.Api.Auth;

/// <summary>A newly issued admin key: its full value is shown only in this response.</summary>
public sealed record IssuedAdminKey(string Id, string Key, string UserId, DateTimeOffset Created);
