import type { UserRole } from '../transport/types.ts';

/** Who the visitor is, for `identify()` of `<tiny-chat>`. */
export interface Identity {
  userId: string;
  name?: string;
  email?: string;
  role?: UserRole;
  /** The user's signed token (from the site's server), for a tenant with signed identity. */
  token?: string;
}

/** Gives a fresh user token when the current one is about to expire (see its `getUserToken`). */
export type UserTokenProvider = () => string | Promise<string>;

/** Sets the user attributes from `identity`; what it leaves out is removed (a new user without a token drops the old one). */
export function setIdentity(element: Element, identity: Identity): void {
  element.setAttribute('user-id', identity.userId);
  const optional: [string, string | undefined][] = [
    ['user-token', identity.token],
    ['user-name', identity.name],
    ['user-email', identity.email],
    ['user-role', identity.role],
  ];
  for (const [name, value] of optional) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
}
