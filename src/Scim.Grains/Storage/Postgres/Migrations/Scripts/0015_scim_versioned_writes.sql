-- A versioned write (an UPDATE or DELETE of a resource row at the version its grain holds) sent in one batch with the
-- statements that go with it: when it touched no row (another writer came first) this raises SC002, which rolls the
-- whole batch back, so the batch needs no explicit transaction and no second round trip to commit or roll back.
CREATE FUNCTION scim_expect_one_written(p_rows bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF p_rows <> 1 THEN
        RAISE EXCEPTION USING ERRCODE = 'SC002', MESSAGE = 'the resource row was changed or deleted concurrently';
    END IF;
END $$;
