using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Scim.Api.SingleSignOn;

/// <summary>ASP.NET Core's OpenID Connect handler, reading the options of the tenant the request is for.</summary>
public sealed class TenantOidcHandler(TenantSsoRequests requests, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(requests, logger, htmlEncoder, encoder);
