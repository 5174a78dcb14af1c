-- How far each participant has read each conversation (an extension of the seed, served in default mode only).
-- One row per (conversation, user); message_at is the read message's created_at, so "never backwards" and the
-- unread count compare times without a join.
create table read_positions (
  conversation_id text not null references conversations(id),
  user_id text not null,
  message_id text not null references messages(id),
  message_at timestamptz not null,
  read_at timestamptz not null default now(),
  primary key (conversation_id, user_id)
);
