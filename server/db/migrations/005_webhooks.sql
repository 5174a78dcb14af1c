-- Outbound webhooks. An event is written in the same transaction as the change it describes (an outbox), with
-- one delivery per matching endpoint; a worker sends deliveries after commit, so a crash loses nothing and a send
-- never waits for a receiver.

-- A tenant's endpoints, each with its own Standard Webhooks secret and event filter.
create table webhooks (
  id text primary key default ('wh_' || replace(gen_random_uuid()::text, '-', '')),
  tenant_id uuid not null references tenants(id),
  -- Only web URLs: anything else is refused when the row is written.
  url text not null check (url ~ '^https?://[^/?#\s]+'),
  -- whsec_ + base64 of the signing key, as Standard Webhooks write it.
  secret text not null check (secret ~ '^whsec_[A-Za-z0-9+/]+={0,2}$'),
  -- The event types sent to it; empty: every type.
  events text[] not null default '{}',
  -- failing: a delivery ran out of retries (new events are still tried); disabled: it answered 410, nothing is sent.
  status text not null default 'active' check (status in ('active', 'failing', 'disabled')),
  description text,
  created_at timestamptz not null default now(),
  status_changed_at timestamptz
);
create index webhooks_tenant on webhooks (tenant_id);

-- The outbox: body is the exact JSON signed and sent, so every retry sends the same bytes.
create table webhook_events (
  id text primary key,
  tenant_id uuid not null references tenants(id),
  type text not null,
  body text not null,
  created_at timestamptz not null default now()
);

-- One per event and endpoint; its id is the webhook-id a receiver deduplicates on.
create table webhook_deliveries (
  id text primary key,
  seq bigint generated always as identity unique,
  event_id text not null references webhook_events(id),
  webhook_id text not null references webhooks(id),
  -- Deliveries of one chain (an endpoint and a conversation) go one at a time, in seq order.
  chain text not null,
  status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  -- null: created_at plus the retry window; a retry by hand sets it to now (one more try).
  give_up_at timestamptz,
  -- A worker holds a delivery while it sends it; a lease left by a dead process runs out and another takes it.
  lease_until timestamptz,
  lease_token text,
  last_status_code integer,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_chain on webhook_deliveries (webhook_id, chain, seq) where status = 'pending';
create index webhook_deliveries_recent on webhook_deliveries (webhook_id, seq desc);

-- Every try: what the receiver answered (its body cut to 1 KB) or why there was no answer.
create table webhook_attempts (
  id bigint generated always as identity primary key,
  delivery_id text not null references webhook_deliveries(id),
  attempted_at timestamptz not null,
  duration_ms integer not null,
  status_code integer,
  error text,
  response_body text check (octet_length(response_body) <= 1024),
  worker text not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);

-- Secret server keys (tiny_server_sk_…), for calls from a tenant's own backend; only their SHA-256 is kept.
create table server_keys (
  key_hash text primary key,
  tenant_id uuid not null references tenants(id),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
