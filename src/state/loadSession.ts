import type { TinyChatApi, TinyChatConfig, User, UserRole } from '../transport/types.ts';
import type { WidgetStorage } from './createStorage.ts';

export interface SessionInput {
  userId: string;
  userName: string | null;
  userEmail: string | null;
  userRole: UserRole;
}

export interface Session {
  config: TinyChatConfig;
  user: User | null;
}

/**
 * Bootstraps one browser session: `GET /v1/config` once per session (the API: "calls this once on launch
 * and caches the result for the session"), then upserts the user, also once per session and identity.
 * The upsert's failure does not stop the widget: messages carry the sender id either way.
 */
export async function loadSession(api: TinyChatApi, session: WidgetStorage, input: SessionInput): Promise<Session> {
  let config = session.get<TinyChatConfig>('config');
  if (config?.realtime === undefined) {
    config = await api.getConfig();
    session.set('config', config);
  }
  const identity = JSON.stringify(input);
  let user = session.get<{ identity: string; user: User }>('user');
  if (user?.identity !== identity) {
    try {
      const upserted = await api.upsertUser({
        user_id: input.userId,
        role: input.userRole,
        // The seed ignores empty strings; omitting unknown values says the same more plainly.
        ...(input.userName === null ? {} : { name: input.userName }),
        ...(input.userEmail === null ? {} : { email: input.userEmail }),
      });
      user = { identity, user: upserted };
      session.set('user', user);
    } catch {
      user = undefined;
    }
  }
  return { config, user: user?.user ?? null };
}
