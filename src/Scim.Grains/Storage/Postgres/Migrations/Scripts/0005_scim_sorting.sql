-- The value a multi-valued attribute sorts by (RFC 7644 §3.4.2.3): the primary one, else the first.
CREATE FUNCTION scim_primary_or_first(v jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(v) = 'array' THEN
        coalesce((SELECT e FROM jsonb_array_elements(v) AS e WHERE e -> 'primary' = 'true'::jsonb LIMIT 1), v -> 0)
    END
$$;
