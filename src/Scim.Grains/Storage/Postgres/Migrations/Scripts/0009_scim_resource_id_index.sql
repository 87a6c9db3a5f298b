-- A resource read, written or deleted by its id finds its row through an index led by the id. Through an index led by
-- the tenant (the primary key, the creation order), a generic plan made while the statistics lagged a tenant's growth
-- walked every row of the tenant to find one (10,000 rows for each GET and PATCH, measured). The statements by id name
-- the tenant in an expression no index serves, so this is the only index that fits them.
CREATE UNIQUE INDEX ux_scim_resources_id ON scim_resources (id, tenant, kind);
