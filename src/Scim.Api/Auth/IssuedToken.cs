namespace Scim.Api.Auth;

/// <summary>A newly issued bearer token: its id and its full value, which is shown only in this response.</summary>
public sealed record IssuedToken(string Id, string Token, string IdentityProvider, DateTimeOffset Created, string Name, string CreatedBy);
