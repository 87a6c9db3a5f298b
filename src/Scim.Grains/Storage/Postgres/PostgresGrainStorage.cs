using Orleans.Storage;

namespace Scim.Grains.Storage.Postgres;

/// <summary>
/// The small grains' state storage on PostgreSQL: Orleans' ADO.NET storage, with database failures turned into the
/// serializable 503 <see cref="Interfaces.Errors.ScimException"/> (a grain whose state cannot be read answers
/// "unavailable", not an internal error).
/// </summary>
internal sealed class PostgresGrainStorage(IGrainStorage adoNet) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        PostgresErrors.Translate(() => adoNet.ReadStateAsync(stateName, grainId, grainState));

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        PostgresErrors.Translate(() => adoNet.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        PostgresErrors.Translate(() => adoNet.ClearStateAsync(stateName, grainId, grainState));
}
