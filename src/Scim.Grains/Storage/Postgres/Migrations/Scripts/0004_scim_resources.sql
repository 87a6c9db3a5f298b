-- Users and groups (DESIGN §4): one row per resource with the canonical document and the columns that lookups,
-- ordering and uniqueness need. kind: 0 = User, 1 = Group. version is the SCIM meta.version and every write checks it.
CREATE TABLE scim_resources
(
    tenant        text        NOT NULL,
    kind          smallint    NOT NULL,
    id            text        NOT NULL,
    seq           bigint      GENERATED ALWAYS AS IDENTITY,
    version       bigint      NOT NULL,
    user_name     text        NULL,
    external_id   text        NULL,
    display_name  text        NULL,
    active        boolean     NULL,
    created       timestamptz NOT NULL,
    last_modified timestamptz NOT NULL,
    document      jsonb       NOT NULL,
    PRIMARY KEY (tenant, kind, id)
);

-- Uniqueness lives here: a duplicate activation or a racing silo loses at the index, whatever the grains did.
CREATE UNIQUE INDEX ux_scim_users_user_name ON scim_resources (tenant, lower(user_name)) WHERE kind = 0;
CREATE UNIQUE INDEX ux_scim_groups_display_name ON scim_resources (tenant, lower(display_name)) WHERE kind = 1;
CREATE INDEX ix_scim_users_display_name ON scim_resources (tenant, lower(display_name)) WHERE kind = 0;
CREATE INDEX ix_scim_resources_external_id ON scim_resources (tenant, kind, external_id);
CREATE INDEX ix_scim_resources_creation ON scim_resources (tenant, kind, seq);

-- Group membership as rows, indexed both ways, so adding or removing k members costs O(k) whatever the group size.
-- source: 'scim' for members the identity provider manages.
CREATE TABLE scim_memberships
(
    tenant    text NOT NULL,
    group_id  text NOT NULL,
    member_id text NOT NULL,
    source    text NOT NULL,
    display   text NULL,
    PRIMARY KEY (tenant, group_id, source, member_id)
);

CREATE INDEX ix_scim_memberships_member ON scim_memberships (tenant, member_id, group_id);

-- Filter helpers (RFC 7644 §3.4.2.2 semantics, as the in-memory evaluator has them).
-- The values of an attribute: the elements of a multi-valued one, else the value itself.
CREATE FUNCTION scim_values(v jsonb) RETURNS SETOF jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT e FROM jsonb_array_elements(CASE WHEN jsonb_typeof(v) = 'array' THEN v ELSE jsonb_build_array(v) END) AS e
    WHERE v IS NOT NULL
$$;

-- "pr": a value that is not null, not an empty string, array or object.
CREATE FUNCTION scim_present(v jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE jsonb_typeof(v)
        WHEN 'null' THEN false
        WHEN 'string' THEN v <> '""'::jsonb
        WHEN 'array' THEN jsonb_array_length(v) > 0
        WHEN 'object' THEN v <> '{}'::jsonb
        ELSE v IS NOT NULL
    END
$$;

-- A stored dateTime string as a timestamp, or null when it is not one (so a bad value never fails a query).
CREATE FUNCTION scim_timestamp(t text) RETURNS timestamptz LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN t::timestamptz;
EXCEPTION WHEN others THEN
    RETURN NULL;
END $$;
