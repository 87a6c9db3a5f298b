-- State of the small grains (tenant, token set) for Microsoft.Orleans.Persistence.AdoNet. A row is keyed by the
-- grain id and the state name (every state has its own name, DESIGN §4); the unique key makes a racing first write
-- lose instead of creating a second row. Version is the 32-bit ETag Orleans checks on every write.
CREATE TABLE orleans_storage
(
    grain_id_hash    integer      NOT NULL,
    grain_id_n0      bigint       NOT NULL,
    grain_id_n1      bigint       NOT NULL,
    grain_type_hash  integer      NOT NULL,
    grain_type       varchar(512) NOT NULL,
    grain_key_string varchar(512) NOT NULL,
    payload_binary   bytea        NULL,
    modified_on      timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL,
    CONSTRAINT ux_orleans_storage UNIQUE (grain_id_hash, grain_type_hash, grain_id_n0, grain_id_n1, grain_type, grain_key_string)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload_binary AS PayloadBinary, version AS Version
    FROM orleans_storage
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
        AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
        AND grain_key_string = coalesce(@GrainIdExtensionString, '''')'),
('WriteToStorageKey', '
    WITH updated AS (
        UPDATE orleans_storage SET payload_binary = @PayloadBinary, modified_on = now(), version = version + 1
        WHERE @GrainStateVersion IS NOT NULL AND version = @GrainStateVersion
            AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
            AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
            AND grain_key_string = coalesce(@GrainIdExtensionString, '''')
        RETURNING version),
    inserted AS (
        INSERT INTO orleans_storage (grain_id_hash, grain_id_n0, grain_id_n1, grain_type_hash, grain_type,
            grain_key_string, payload_binary, version)
        SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
            coalesce(@GrainIdExtensionString, ''''), @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion) AS NewGrainStateVersion'),
('ClearStorageKey', '
    UPDATE orleans_storage SET payload_binary = NULL, modified_on = now(), version = version + 1
    WHERE version = @GrainStateVersion AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
        AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
        AND grain_key_string = coalesce(@GrainIdExtensionString, '''')
    RETURNING version AS NewGrainStateVersion'),
('DeleteStorageKey', '
    DELETE FROM orleans_storage
    WHERE version = @GrainStateVersion AND grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
        AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1 AND grain_type = @GrainTypeString
        AND grain_key_string = coalesce(@GrainIdExtensionString, '''')
    RETURNING version + 1 AS NewGrainStateVersion');
