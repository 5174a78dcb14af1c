/** The roles a user may have (the seed's `role` values). */
export const ROLES = ['customer', 'driver', 'admin', 'support'] as const;
export type Role = (typeof ROLES)[number];

/** Who a valid user token says the caller is. */
export interface UserClaims {
  /** The token's `sub`: the user id every request of this caller acts as. */
  userId: string;
  name?: string;
  email?: string;
  /** Only a token may set a role once identity is on. */
  role?: Role;
  /** The token's `exp`, in ms since the epoch. */
  expiresAt?: number;
}

/** A tenant's identity mode: `off` is the seed's behaviour, user ids are plain fields. */
export type IdentityMode = 'off' | 'optional' | 'required';
