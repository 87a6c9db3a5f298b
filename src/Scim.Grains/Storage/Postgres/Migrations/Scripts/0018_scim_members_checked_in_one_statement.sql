-- Members being added to a group are now checked and locked by one plain statement of the write's own batch
-- (PostgresResourceStore.LockMembersSql) instead of a call to scim_lock_members. That function and the guard it called
-- cost the database 0.13 ms per call, the statement 0.04, in every commit of a group that adds members.
-- The statement calls this function for a member id it finds to be a group (Rules/GroupMembersAreUsers).
CREATE FUNCTION scim_refuse_group_as_member(p_group text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'SC001', MESSAGE = p_group;
END $$;

DROP FUNCTION scim_lock_members(text, text[]);
DROP FUNCTION scim_group_members_are_users(text, text[]);
