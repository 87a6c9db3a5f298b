-- The outbox (DESIGN §7): e-mails owed to users, written in the transaction that creates the user. state: 0 queued,
-- 1 sent, 2 failed. A dispatcher claims a queued row by setting lease_until; a row whose lease ran out is due again.
-- No secret is stored here: a temporary password is made when its message is sent.
CREATE TABLE scim_outbox (
    tenant      text        NOT NULL,
    id          text        NOT NULL,
    user_id     text        NOT NULL,
    kind        smallint    NOT NULL,
    state       smallint    NOT NULL DEFAULT 0,
    attempts    int         NOT NULL DEFAULT 0,
    created     timestamptz NOT NULL,
    due         timestamptz NOT NULL,
    lease_until timestamptz NULL,
    sent_at     timestamptz NULL,
    failed_at   timestamptz NULL,
    error       text        NULL,
    -- Led by the user, so the key also finds a user's messages for the admin API: a create pays for two indexes, not three.
    PRIMARY KEY (tenant, user_id, id)
);
-- Dispatchers look only at queued rows, in due order.
CREATE INDEX ix_scim_outbox_due ON scim_outbox (due) WHERE state = 0;
