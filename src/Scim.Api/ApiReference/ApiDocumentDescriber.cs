using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Scim.Api.ApiReference;

/// <summary>
/// The document's frame: what the service is, the three APIs as tags, their bearer schemes, and the SCIM shapes as
/// components (<see cref="ScimSchemas"/>).
/// </summary>
internal sealed class ApiDocumentDescriber : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SCIM provisioning service",
            Version = "v1",
            Description = """
                Three APIs. **SCIM 2.0** (RFC 7643/7644) at `/scim/v2/{tenant}`, where identity providers push users and groups,
                opened by a tenant's SCIM token; bodies are `application/scim+json` (`application/json` is accepted too).
                The **operator API** at `/admin/v1`, opened by the operator key: tenants, their connector, admins and groups.
                The **platform admin API** at `/api/v1/tenants/{tenant}`, opened by an admin key of that tenant (or the operator
                key): the SCIM integration's settings, tokens, activation and provisioning log.
                Every refusal is a SCIM error with the right status and, for 400 and 409, a `scimType`.
                """,
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiSurfaces.ScimToken] = Bearer("A SCIM token of the tenant in the path, generated on the platform's SCIM settings page and shown once.");
        document.Components.SecuritySchemes[ApiSurfaces.OperatorKey] = Bearer("The operator key of the deployment (Scim__OperatorKey).");
        document.Components.SecuritySchemes[ApiSurfaces.AdminKey] = Bearer("An admin key of a platform admin or the owner of the tenant in the path.");
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in ScimSchemas.All()) document.Components.Schemas[name] = schema;
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Bearer(string description) =>
        new() { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = description };
}
