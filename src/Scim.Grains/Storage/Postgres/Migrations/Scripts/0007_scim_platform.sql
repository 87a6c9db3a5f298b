-- The platform side of a tenant (DESIGN §1): users' roles and the provisioning log.

-- A user's platform role: 0 user (every user SCIM creates), 1 admin, 2 owner. SCIM writes never set it.
ALTER TABLE scim_resources ADD COLUMN platform_role smallint NOT NULL DEFAULT 0;

-- Every SCIM request of a tenant, newest first by seq; trimmed to the configured retention.
CREATE TABLE scim_provisioning_log
(
    tenant            text        NOT NULL,
    seq               bigint      GENERATED ALWAYS AS IDENTITY,
    time              timestamptz NOT NULL,
    token_id          text        NULL,
    identity_provider text        NULL,
    method            text        NOT NULL,
    path              text        NOT NULL,
    status            int         NOT NULL,
    resource_type     text        NULL,
    resource_id       text        NULL,
    attributes        text[]      NOT NULL,
    PRIMARY KEY (tenant, seq)
);

CREATE INDEX ix_scim_provisioning_log_time ON scim_provisioning_log (tenant, time);
CREATE INDEX ix_scim_provisioning_log_resource ON scim_provisioning_log (tenant, resource_id, seq) WHERE resource_id IS NOT NULL;
