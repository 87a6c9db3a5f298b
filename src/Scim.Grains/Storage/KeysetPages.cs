namespace Scim.Grains.Storage;

/// <summary>
/// Keyset pages: the store is asked for one row more than the page, so that the answer tells whether another page
/// follows without counting; the next page continues after the last row of this one.
/// </summary>
internal static class KeysetPages
{
    /// <summary>How many rows to fetch for a page of <paramref name="count"/>.</summary>
    public static int Fetch(int count) => count == 0 ? 0 : count + 1;

    /// <summary>The page's rows, and its last row when more follow (what the next page continues after).</summary>
    public static (List<T> Rows, T? Last) Cut<T>(IReadOnlyList<T> fetched, int count) where T : class
    {
        var rows = fetched.Take(count).ToList();
        return (rows, fetched.Count > count && rows.Count > 0 ? rows[^1] : null);
    }
}
