namespace Scim.Grains.Interfaces.Errors;

/// <summary>
/// A SCIM error (RFC 7644 §3.12): the one exception type that crosses grain boundaries and that the API
/// turns into an error response. Factory methods name the cases.
/// </summary>
[GenerateSerializer, Alias("scim.ScimException")]
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    [Id(0)] public int Status { get; } = status;
    [Id(1)] public string? ScimType { get; } = scimType;
    [Id(2)] public string Detail { get; } = detail;

    public static ScimException InvalidFilter(string detail) => new(400, Errors.ScimType.InvalidFilter, detail);
    public static ScimException InvalidSyntax(string detail) => new(400, Errors.ScimType.InvalidSyntax, detail);
    public static ScimException InvalidPath(string detail) => new(400, Errors.ScimType.InvalidPath, detail);
    public static ScimException InvalidValue(string detail) => new(400, Errors.ScimType.InvalidValue, detail);
    public static ScimException InvalidCursor(string detail) => new(400, Errors.ScimType.InvalidCursor, detail);
    public static ScimException NoTarget(string detail) => new(400, Errors.ScimType.NoTarget, detail);
    public static ScimException Mutability(string detail) => new(400, Errors.ScimType.Mutability, detail);
    public static ScimException TooMany(string detail) => new(400, Errors.ScimType.TooMany, detail);
    public static ScimException Uniqueness(string detail) => new(409, Errors.ScimType.Uniqueness, detail);
    public static ScimException NotFound(string detail) => new(404, null, detail);
    public static ScimException Unauthorized(string detail) => new(401, null, detail);
    public static ScimException PreconditionFailed(string detail) => new(412, null, detail);
    public static ScimException Conflict(string detail) => new(409, null, detail);
    public static ScimException PayloadTooLarge(string detail) => new(413, null, detail);
    public static ScimException Unavailable(string detail) => new(503, null, detail);
}
