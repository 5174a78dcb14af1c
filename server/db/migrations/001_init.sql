-- Tenants and their publishable keys. status gates every request (403 "tenant is overage|suspended").
create table tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  publishable_key text not null unique,
  realtime_anon_key text not null unique,
  status text not null default 'active' check (status in ('active', 'overage', 'suspended')),
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  user_id text not null,
  name text,
  email text,
  role text not null default 'customer' check (role in ('customer', 'driver', 'admin', 'support')),
  fcm_tokens jsonb not null default '[]',
  notification_prefs jsonb not null default '{}',
  last_seen_at timestamptz not null default now(),
  unique (tenant_id, user_id)
);

create table conversations (
  id text primary key,
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('order', 'support', 'direct')),
  external_ref text,
  participants text[] not null,
  created_at timestamptz not null default now(),
  last_at timestamptz,
  last_message text
);
-- Get-or-create is idempotent on (tenant, kind, external_ref); rows without a ref are always new.
create unique index conversations_ref on conversations (tenant_id, kind, external_ref) where external_ref is not null;
create index conversations_participants on conversations using gin (participants);

create table messages (
  id text primary key,
  conversation_id text not null references conversations(id),
  sender_id text not null,
  receiver_id text,
  body text,
  message_type text not null default 'text' check (message_type in ('text', 'image')),
  media_url text,
  reply_to text references messages(id),
  -- Unique per conversation (to the microsecond) so the `before` cursor pages every message exactly once.
  created_at timestamptz not null,
  edited_at timestamptz,
  deleted_at timestamptz,
  idempotency_key text,
  unique (conversation_id, created_at)
);
create unique index messages_idempotency on messages (conversation_id, sender_id, idempotency_key) where idempotency_key is not null;

-- Tiny Talk agents (bot ids) and their secret keys.
create table agents (
  id text primary key,
  tenant_id uuid not null references tenants(id),
  name text not null,
  visibility text not null default 'public' check (visibility in ('public', 'private')),
  allowed_origins text[] not null default '{}',
  rate_limit integer not null default 20,
  rate_window_seconds integer not null default 60,
  default_model text not null default 'tiny-demo-1',
  allowed_models text[] not null default '{tiny-demo-1}',
  stream_default boolean not null default true
);

create table agent_keys (
  key text primary key,
  agent_id text not null references agents(id)
);

-- Talkory-style Bearer keys for the health endpoint.
create table health_keys (
  key text primary key,
  scopes text[] not null default '{health:read}',
  revoked_at timestamptz
);
