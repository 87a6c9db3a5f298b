using System.Globalization;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>Status classes such as 4xx: the provisioning log's status filter, and the label metrics give a status.</summary>
public static class StatusRanges
{
    /// <summary>The class of a status: 404 is 4xx.</summary>
    public static string ClassOf(int status) => $"{Math.Clamp(status / 100, 1, 5)}xx";

    /// <summary>A status filter: an exact status such as 404, or a class such as 4xx.</summary>
    public static (int? From, int? To) Parse(string? status) => status switch
    {
        null or "" => (null, null),
        [var digit and >= '1' and <= '5', 'x' or 'X', 'x' or 'X'] => ((digit - '0') * 100, (digit - '0') * 100 + 99),
        _ when int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var exact) => (exact, exact),
        _ => throw ScimException.InvalidValue($"'status' must be a status code such as 404 or a class such as 4xx; got '{status}'."),
    };
}
