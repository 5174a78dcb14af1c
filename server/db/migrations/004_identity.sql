-- Signed identity, per tenant: 'off' is the seed's behaviour (user ids are plain fields); 'optional' takes the
-- user from a valid user token when one is sent; 'required' refuses requests without one. The secret signs the
-- tokens (HS256) and never leaves the server.
alter table tenants add column identity_mode text not null default 'off' check (identity_mode in ('off', 'optional', 'required'));
alter table tenants add column identity_secret text;
alter table tenants add constraint tenants_identity_secret check (identity_mode = 'off' or identity_secret is not null);

-- Set the first time a valid user token names this user: from then on, in 'optional' mode, nobody may act as
-- this user without a token (a support person who signs in is no longer open to anyone who types their id).
alter table users add column identity_verified_at timestamptz;
