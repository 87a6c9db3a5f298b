using System.Globalization;
using Scim.Grains.Interfaces.Errors;

namespace Scim.Api.Http;

/// <summary>A status filter of the provisioning log: an exact status such as 404, or a class such as 4xx.</summary>
public static class StatusRanges
{
    public static (int? From, int? To) Parse(string? status) => status switch
    {
        null or "" => (null, null),
        [var digit and >= '1' and <= '5', 'x' or 'X', 'x' or 'X'] => ((digit - '0') * 100, (digit - '0') * 100 + 99),
        _ when int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var exact) => (exact, exact),
        _ => throw ScimException.InvalidValue($"'status' must be a status code such as 404 or a class such as 4xx; got '{status}'."),
    };
}
