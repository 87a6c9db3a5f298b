-- ASP.NET Core Data Protection's key ring, shared by every silo and API process: session cookies, anti-forgery tokens,
-- OpenID Connect state and tenants' client secrets made by one process open in every other. Rows are only added.
CREATE TABLE data_protection_keys (
    id bigserial PRIMARY KEY,
    friendly_name text,
    xml text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);
