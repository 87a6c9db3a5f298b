-- What a logged request set going besides its answer: for a user's create, the temporary-password e-mail queued or why
-- none was (no e-mail address, a password from the identity provider).
ALTER TABLE scim_provisioning_log ADD COLUMN note text NULL;
