-- The groups walk, unchanged in what it returns, with every step a lookup by an index whose leading columns it binds. Its
-- plan is generic (made once per connection, without the parameters' values). On the benchmark's tables that plan read
-- the users' memberships by scanning the whole table for the tenant and the ids, and each group's row through the
-- parent index, that is through all of the tenant's groups: cheap while a tenant has few, a walk of all of them once it
-- has many. Each step is now a LATERAL subquery on one value of the step before (OFFSET 0 keeps it one): a user's
-- memberships by the member index (tenant, member), a group's row by the id index (0009), with the tenant named as an
-- expression that no tenant-led index can serve (as the store's statements on one row do).
CREATE OR REPLACE FUNCTION scim_groups_of_users(p_tenant text, p_users text[])
    RETURNS TABLE (out_user text, out_group text, out_display text, out_direct boolean)
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN QUERY
    WITH RECURSIVE direct AS (
        SELECT DISTINCT u.id AS user_id, m.group_id
        FROM unnest(p_users) AS u(id)
        CROSS JOIN LATERAL (SELECT m.group_id FROM scim_memberships m WHERE m.tenant = p_tenant AND m.member_id = u.id OFFSET 0) m
    ), up(user_id, group_id, depth) AS (
        SELECT d.user_id, g.parent_id, 1 FROM direct d
        CROSS JOIN LATERAL (SELECT g.parent_id FROM scim_resources g WHERE g.id = d.group_id AND (g.tenant || '') = p_tenant AND g.kind = 1 OFFSET 0) g
        WHERE g.parent_id IS NOT NULL
        UNION
        SELECT up.user_id, g.parent_id, up.depth + 1 FROM up
        CROSS JOIN LATERAL (SELECT g.parent_id FROM scim_resources g WHERE g.id = up.group_id AND (g.tenant || '') = p_tenant AND g.kind = 1 OFFSET 0) g
        WHERE g.parent_id IS NOT NULL AND up.depth < 10000
    ), reached AS (
        SELECT d.user_id, d.group_id, true AS direct FROM direct d
        UNION
        SELECT u.user_id, u.group_id, false FROM up u
        WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.user_id = u.user_id AND d.group_id = u.group_id)
    )
    SELECT r.user_id, r.group_id, g.display_name, r.direct
    FROM reached r
    CROSS JOIN LATERAL (SELECT g.display_name FROM scim_resources g WHERE g.id = r.group_id AND (g.tenant || '') = p_tenant AND g.kind = 1 OFFSET 0) g
    ORDER BY r.user_id, r.group_id;
END $$;
