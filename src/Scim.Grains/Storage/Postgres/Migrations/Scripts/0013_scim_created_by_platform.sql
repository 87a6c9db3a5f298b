-- Whether the platform created a user (the operator or an admin: owners, admins, invited people) rather than the
-- identity provider over SCIM; the platform's user list shows it. Rows from before this column count as SCIM's.
ALTER TABLE scim_resources ADD COLUMN created_by_platform boolean NOT NULL DEFAULT false;
