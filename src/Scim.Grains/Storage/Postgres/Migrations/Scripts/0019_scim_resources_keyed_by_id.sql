-- The index led by the id (migration 0009) becomes the primary key, and the key led by the tenant goes: both held the
-- same three columns, so every write of a row paid for two unique entries where one keeps ids unique. No statement needs
-- the tenant-led order of ids (a tenant's rows are walked in creation order, a group's children by their parent's index).
-- A user's write now updates five indexes instead of six.
ALTER TABLE scim_resources DROP CONSTRAINT scim_resources_pkey;
ALTER TABLE scim_resources ADD CONSTRAINT scim_resources_pkey PRIMARY KEY USING INDEX ux_scim_resources_id;
