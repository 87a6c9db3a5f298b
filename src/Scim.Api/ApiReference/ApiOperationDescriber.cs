using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scim.Api.Http;
using Scim.Api.Telemetry;

namespace Scim.Api.ApiReference;

/// <summary>
/// Each operation's security scheme and error answers, and for the SCIM endpoints (whose handlers read raw JSON) their
/// parameters, request bodies and answers in the SCIM media type.
/// </summary>
internal sealed class ApiOperationDescriber : IOpenApiOperationTransformer
{
    private static readonly (int Status, string Meaning)[] CommonErrors =
    [
        (400, "The request is not valid: the detail says what to send instead (scimType invalidValue, invalidSyntax, invalidFilter, ...)."),
        (401, "No credential, or a wrong, revoked or expired one."),
        (403, "The credential may not do this (for SCIM: the tenant's integration is not active)."),
        (404, "No such resource, or a tenant that is not the caller's."),
        (503, "A silo or the database is briefly unavailable: retry after the Retry-After header."),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = "/" + (context.Description.RelativePath ?? "").TrimEnd('/');
        var surface = ApiSurfaces.Of(path);
        if (surface == ApiSurface.Other) return Task.CompletedTask;
        var document = context.Document!;
        operation.Security = ApiSurfaces.SchemesOf(surface)
            .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] })
            .ToList();
        operation.Responses ??= [];
        var method = context.Description.HttpMethod ?? "GET";
        if (surface == ApiSurface.Scim) DescribeScim(operation, document, method, path);
        foreach (var (status, meaning) in CommonErrors) AddError(operation, document, status, meaning);
        if (surface == ApiSurface.Scim) AddError(operation, document, 429, "The tenant's rate limit: retry after the Retry-After header.");
        if (method is "POST" or "PUT" or "PATCH") AddError(operation, document, 409, "A unique value is taken (scimType uniqueness).");
        return Task.CompletedTask;
    }

    private static void DescribeScim(OpenApiOperation operation, OpenApiDocument document, string method, string path)
    {
        var resource = path.Contains("/Groups", StringComparison.Ordinal) ? ScimSchemas.Group : ScimSchemas.User;
        var scimOperation = ScimOperations.Of(method, path);
        (string? body, (int Status, string? Schema, string Meaning) answer) = scimOperation switch
        {
            "search" => (ScimSchemas.SearchRequest, (200, ScimSchemas.ListResponse, "The matching resources, a page of them.")),
            "bulk" => (ScimSchemas.BulkRequest, (200, ScimSchemas.BulkResponse, "Each operation's outcome.")),
            "list" => (null, (200, ScimSchemas.ListResponse, "The matching resources, a page of them.")),
            "create" => (resource, (201, resource, "Created; Location and ETag name it.")),
            "get" => (null, (200, resource, "The resource (304 when If-None-Match holds its ETag).")),
            "replace" => (resource, (200, resource, "Replaced.")),
            "patch" => (ScimSchemas.PatchOp, (200, resource, "Patched (204 without a body for Entra ID's tokens).")),
            "delete" => (null, (204, null, "Deleted.")),
            "me" => (null, (501, ScimSchemas.Error, "Not supported: a SCIM token stands for an identity provider's connection, not a user.")),
            _ => ((string?)null, (200, (string?)null, "The discovery document.")),
        };
        var item = scimOperation is "get" or "replace" or "patch" or "delete";
        if (scimOperation == "list") AddListParameters(operation);
        if (item) operation.Parameters?.Add(Header("If-Match", "Write only over this version (an ETag); 412 otherwise."));
        if (item || scimOperation == "create") AddQuery(operation, "attributes", "Only these attributes in the answer, comma-separated.");
        if (body is not null)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ScimMediaTypes.Scim] = new() { Schema = new OpenApiSchemaReference(body, document) },
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(body, document) },
                },
            };
        }
        operation.Responses!.Clear();
        operation.Responses[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = answer.Meaning,
            Content = answer.Status == 204 ? null : new Dictionary<string, OpenApiMediaType>
            {
                [ScimMediaTypes.Scim] = new() { Schema = answer.Schema is null ? new OpenApiSchema { Type = JsonSchemaType.Object } : new OpenApiSchemaReference(answer.Schema, document) },
            },
        };
    }

    private static void AddListParameters(OpenApiOperation operation)
    {
        AddQuery(operation, "filter", "A SCIM filter, e.g. userName eq \"ada@example.com\" (RFC 7644 §3.4.2.2).");
        AddQuery(operation, "startIndex", "The 1-based index of the first result.");
        AddQuery(operation, "count", "How many results at most.");
        AddQuery(operation, "sortBy", "The attribute to sort by.");
        AddQuery(operation, "sortOrder", "ascending or descending.");
        AddQuery(operation, "cursor", "Cursor paging: empty for the first page, then the answer's nextCursor.");
        AddQuery(operation, "excludedAttributes", "Attributes to leave out of the answer, comma-separated.");
    }

    private static void AddQuery(OpenApiOperation operation, string name, string description) =>
        (operation.Parameters ??= []).Add(new OpenApiParameter { Name = name, In = ParameterLocation.Query, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });

    private static OpenApiParameter Header(string name, string description) =>
        new() { Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };

    private static void AddError(OpenApiOperation operation, OpenApiDocument document, int status, string meaning) =>
        operation.Responses!.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
        {
            Description = meaning,
            Content = new Dictionary<string, OpenApiMediaType> { [ScimMediaTypes.Scim] = new() { Schema = new OpenApiSchemaReference(ScimSchemas.Error, document) } },
        });
}
