-- Lookups by a name (userName, displayName, externalId) are led by the name in their indexes, and such lookups name
-- the tenant only as a filter (see PostgresResourceStore.QueryAsync), so no index led by the tenant can serve them.
-- With statistics that lagged a tenant's growth, the planner took any tenant-led index as just as cheap as the name's
-- and walked the whole tenant: 20,000 rows read for one userName, 400 ms a lookup. Uniqueness is unchanged.
DROP INDEX ux_scim_users_user_name;
CREATE UNIQUE INDEX ux_scim_users_user_name ON scim_resources (lower(user_name), tenant) WHERE kind = 0;
DROP INDEX ux_scim_groups_display_name;
CREATE UNIQUE INDEX ux_scim_groups_display_name ON scim_resources (lower(display_name), tenant) WHERE kind = 1;
DROP INDEX ix_scim_users_display_name;
CREATE INDEX ix_scim_users_display_name ON scim_resources (lower(display_name), tenant) WHERE kind = 0;
DROP INDEX ix_scim_resources_external_id;
CREATE INDEX ix_scim_resources_external_id ON scim_resources (external_id, tenant, kind);
