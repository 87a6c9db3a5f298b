using System.Globalization;

namespace Scim.Api.Pages;

/// <summary>How the pages write values: times in UTC to the minute, the same on every page.</summary>
public static class PageText
{
    public static string Time(DateTimeOffset? time) =>
        time is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never";
}
