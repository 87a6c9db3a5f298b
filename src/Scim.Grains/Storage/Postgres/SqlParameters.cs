using Npgsql;

namespace Scim.Grains.Storage.Postgres;

/// <summary>The positional parameters of a statement being built: each value added returns its placeholder.</summary>
internal sealed class SqlParameters
{
    private readonly List<object> values = [];

    public string Add(object value)
    {
        values.Add(value);
        return "$" + values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Fresh parameter objects for one command (a parameter belongs to one command only).</summary>
    public IEnumerable<NpgsqlParameter> Create() => values.Select(value => new NpgsqlParameter { Value = value });
}
