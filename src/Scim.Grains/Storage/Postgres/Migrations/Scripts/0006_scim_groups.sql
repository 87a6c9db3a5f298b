-- Groups the platform's way (DESIGN §1): memberships remember their source, groups form one tree per tenant.

-- Ids and member ids order byte-wise, so keyset pages (members after an id, children after an id) walk an index.
ALTER TABLE scim_resources ALTER COLUMN id TYPE text COLLATE "C";
ALTER TABLE scim_memberships DROP CONSTRAINT scim_memberships_pkey;
ALTER TABLE scim_memberships ALTER COLUMN group_id TYPE text COLLATE "C";
ALTER TABLE scim_memberships ALTER COLUMN member_id TYPE text COLLATE "C";
-- source: 'scim' (the identity provider manages it) or 'manual' (a platform admin added it). Member order first, so one
-- index serves a page of SCIM members and a page of members of every source.
ALTER TABLE scim_memberships ADD PRIMARY KEY (tenant, group_id, member_id, source);
ALTER TABLE scim_memberships ADD CONSTRAINT ck_scim_memberships_source CHECK (source IN ('scim', 'manual'));

-- Every group has one parent: NULL is the tenant's platform group (the root), where SCIM-created groups land.
ALTER TABLE scim_resources ADD COLUMN parent_id text COLLATE "C" NULL;
CREATE INDEX ix_scim_groups_parent ON scim_resources (tenant, parent_id, id) WHERE kind = 1;

-- Every change to a tenant's tree (a move, a group deletion that re-parents children) runs under this lock, so the
-- acyclicity check and the change are one step even across silos and duplicate activations.
CREATE FUNCTION scim_lock_tree(p_tenant text) RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtextextended('scim_tree/' || p_tenant, 0))
$$;

-- The ancestors of a group, nearest first, without the root.
CREATE FUNCTION scim_group_ancestors(p_tenant text, p_group text) RETURNS TABLE (id text, depth int) LANGUAGE sql STABLE AS $$
    WITH RECURSIVE up(id, depth) AS (
        SELECT g.parent_id, 1 FROM scim_resources g WHERE g.tenant = p_tenant AND g.kind = 1 AND g.id = p_group
        UNION
        SELECT g.parent_id, up.depth + 1 FROM up JOIN scim_resources g ON g.tenant = p_tenant AND g.kind = 1 AND g.id = up.id
        WHERE up.depth < 10000
    )
    SELECT up.id, up.depth FROM up WHERE up.id IS NOT NULL
$$;

-- A group and all its descendants.
CREATE FUNCTION scim_group_subtree(p_tenant text, p_group text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
    WITH RECURSIVE down(id) AS (
        SELECT p_group COLLATE "C"
        UNION
        SELECT g.id FROM down JOIN scim_resources g ON g.tenant = p_tenant AND g.kind = 1 AND g.parent_id = down.id
    )
    SELECT down.id FROM down
$$;

-- Moves a group under another (NULL: the root). 0 moved, 1 no such group, 2 no such parent, 3 the parent is the group
-- or one of its descendants (the move would close a cycle).
CREATE FUNCTION scim_move_group(p_tenant text, p_group text, p_parent text) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    PERFORM scim_lock_tree(p_tenant);
    IF NOT EXISTS (SELECT 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = p_group) THEN
        RETURN 1;
    END IF;
    IF p_parent IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = p_parent) THEN
            RETURN 2;
        END IF;
        IF p_parent = p_group OR EXISTS (SELECT 1 FROM scim_group_ancestors(p_tenant, p_parent) a WHERE a.id = p_group) THEN
            RETURN 3;
        END IF;
    END IF;
    UPDATE scim_resources SET parent_id = p_parent WHERE tenant = p_tenant AND kind = 1 AND id = p_group;
    RETURN 0;
END $$;

-- Before members are added: a group id among them is refused (nesting is arranged in the platform, not over SCIM), and
-- the users among them are locked until commit, so a concurrent deletion of one waits and then removes the new row too.
CREATE FUNCTION scim_lock_members(p_tenant text, p_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    nested text;
BEGIN
    SELECT id INTO nested FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = ANY(p_ids) LIMIT 1;
    IF nested IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SC001', MESSAGE = nested;
    END IF;
    PERFORM 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 0 AND id = ANY(p_ids) FOR KEY SHARE;
END $$;

-- The groups of users as User.groups shows them: direct for the groups each is a member of (either source), not direct
-- for their ancestors in the tree (the root, not a SCIM group, is left out). PL/pgSQL with a generic plan: the plan is
-- made once per connection, not again at every read of a user (the recursive query costs more to plan than to run).
CREATE FUNCTION scim_groups_of_users(p_tenant text, p_users text[])
    RETURNS TABLE (out_user text, out_group text, out_display text, out_direct boolean)
    LANGUAGE plpgsql STABLE SET plan_cache_mode = force_generic_plan AS $$
BEGIN
    RETURN QUERY
    WITH RECURSIVE direct AS (
        SELECT DISTINCT m.member_id AS user_id, m.group_id FROM scim_memberships m
        WHERE m.tenant = p_tenant AND m.member_id = ANY(p_users)
    ), up(user_id, group_id, depth) AS (
        SELECT d.user_id, g.parent_id, 1 FROM direct d
        JOIN scim_resources g ON g.tenant = p_tenant AND g.kind = 1 AND g.id = d.group_id
        WHERE g.parent_id IS NOT NULL
        UNION
        SELECT up.user_id, g.parent_id, up.depth + 1 FROM up
        JOIN scim_resources g ON g.tenant = p_tenant AND g.kind = 1 AND g.id = up.group_id
        WHERE g.parent_id IS NOT NULL AND up.depth < 10000
    ), reached AS (
        SELECT d.user_id, d.group_id, true AS direct FROM direct d
        UNION
        SELECT u.user_id, u.group_id, false FROM up u
        WHERE NOT EXISTS (SELECT 1 FROM direct d WHERE d.user_id = u.user_id AND d.group_id = u.group_id)
    )
    SELECT r.user_id, r.group_id, g.display_name, r.direct
    FROM reached r JOIN scim_resources g ON g.tenant = p_tenant AND g.kind = 1 AND g.id = r.group_id
    ORDER BY r.user_id, r.group_id;
END $$;

-- One user's groups as the objects filters on User.groups compare.
CREATE FUNCTION scim_user_groups(p_tenant text, p_user text) RETURNS SETOF jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('value', g.out_group, 'display', g.out_display, 'type', CASE WHEN g.out_direct THEN 'direct' ELSE 'indirect' END)
    FROM scim_groups_of_users(p_tenant, ARRAY[p_user]) g
$$;
