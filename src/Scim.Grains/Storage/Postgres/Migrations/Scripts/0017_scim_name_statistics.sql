-- Statistics on the lower-cased names that userName and displayName lookups compare. The names' indexes are partial
-- (one kind each), and PostgreSQL takes no statistics from a partial index, so it guessed that half a percent of the
-- table matches any one name: an estimate, and a cost, that grew with the table. Each connection's prepared lookup
-- compares its generic plan's cost with the average of the custom plans it made before: once a tenant grew from
-- thousands to 100,000 users, the generic plan looked a hundred times dearer than those, and every lookup was planned
-- again (0.2 ms of planning for 0.05 ms of execution) until the average caught up, tens of thousands of lookups later.
-- Measured as a share of the rows, the names' distinct counts keep the estimate at the one row a lookup finds, at
-- any size of table. ANALYZE fills them now; autovacuum keeps them.
CREATE STATISTICS scim_resources_user_name_lower ON (lower(user_name)) FROM scim_resources;
CREATE STATISTICS scim_resources_display_name_lower ON (lower(display_name)) FROM scim_resources;
ANALYZE scim_resources;
