-- The database's guards of SCIM rules, each named after the rule it keeps (the rules are decided in C# under
-- src/Scim.Grains/Rules; these hold them when silos race). Same behaviour as before; the checks move into functions
-- that say what they guard. userName and displayName uniqueness is guarded by the unique indexes of migration 0008.

-- Rules/HierarchyCycles.WouldClose: true when moving the group under the parent would close a loop. Called under the tree lock.
CREATE FUNCTION scim_hierarchy_cycles_would_close(p_tenant text, p_group text, p_parent text) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT p_parent = p_group OR EXISTS (SELECT 1 FROM scim_group_ancestors(p_tenant, p_parent) a WHERE a.id = p_group)
$$;

-- Rules/GroupMembersAreUsers: refuses (SC001, with the group's id as the message) member ids that name a group.
CREATE FUNCTION scim_group_members_are_users(p_tenant text, p_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    nested text;
BEGIN
    SELECT id INTO nested FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = ANY(p_ids) LIMIT 1;
    IF nested IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'SC001', MESSAGE = nested;
    END IF;
END $$;

-- Moves a group under another (NULL: the root). 0 moved, 1 no such group, 2 no such parent, 3 refused by the guard.
CREATE OR REPLACE FUNCTION scim_move_group(p_tenant text, p_group text, p_parent text) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
    PERFORM scim_lock_tree(p_tenant);
    IF NOT EXISTS (SELECT 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = p_group) THEN
        RETURN 1;
    END IF;
    IF p_parent IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 1 AND id = p_parent) THEN
            RETURN 2;
        END IF;
        IF scim_hierarchy_cycles_would_close(p_tenant, p_group, p_parent) THEN
            RETURN 3;
        END IF;
    END IF;
    UPDATE scim_resources SET parent_id = p_parent WHERE tenant = p_tenant AND kind = 1 AND id = p_group;
    RETURN 0;
END $$;

-- Before members are added: the guard above, then the users among them are locked until commit, so a concurrent
-- deletion of one waits and then removes the new row too.
CREATE OR REPLACE FUNCTION scim_lock_members(p_tenant text, p_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM scim_group_members_are_users(p_tenant, p_ids);
    PERFORM 1 FROM scim_resources WHERE tenant = p_tenant AND kind = 0 AND id = ANY(p_ids) FOR KEY SHARE;
END $$;
