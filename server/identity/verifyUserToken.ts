import { errors, jwtVerify } from 'jose';
import { isWellFormed } from '../http/checkJson.ts';
import { ROLES, type Role, type UserClaims } from './UserClaims.ts';

/** Why a user token was refused: one sentence for the 401 body or the join's reason. */
export class UserTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserTokenError';
  }
}

const keys = new Map<string, Uint8Array>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (key === undefined) keys.set(secret, (key = new TextEncoder().encode(secret)));
  return key;
};

// Tokens ride in a header and a join payload; nothing real is this long, and jose need not decode megabytes.
const MAX_TOKEN = 4096;

function optionalClaim(payload: Record<string, unknown>, name: string, max: number): string | undefined {
  const v = payload[name];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string' || v.length > max || v.includes('\u0000') || !isWellFormed(v))
    throw new UserTokenError(`invalid user token: ${name} must be a string of at most ${max} characters`);
  return v;
}

/**
 * Verifies a user token: a JWT signed with HS256 and the tenant's identity secret, with `sub` (the user id) and
 * `exp`, and optionally `name`, `email`, `role`.
 * @throws UserTokenError with the sentence to answer (401)
 */
export async function verifyUserToken(token: string, secret: string): Promise<UserClaims> {
  if (token.length > MAX_TOKEN) throw new UserTokenError('invalid user token: too long');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], requiredClaims: ['sub', 'exp'] }));
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw new UserTokenError('user token has expired: ask for a new one');
    if (e instanceof errors.JWTClaimValidationFailed) throw new UserTokenError(`invalid user token: ${e.claim} is missing or wrong`);
    throw new UserTokenError("invalid user token: not signed with this tenant's identity secret");
  }
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200 || sub.includes('\u0000') || !isWellFormed(sub)) {
    throw new UserTokenError('invalid user token: sub must be a user id of 1 to 200 characters');
  }
  const role = payload.role;
  if (role !== undefined && role !== null && !(ROLES as readonly unknown[]).includes(role)) {
    throw new UserTokenError(`invalid user token: role must be one of ${ROLES.join(', ')}`);
  }
  const name = optionalClaim(payload, 'name', 200);
  const email = optionalClaim(payload, 'email', 320);
  return {
    userId: sub,
    ...(name === undefined ? {} : { name }),
    ...(email === undefined ? {} : { email }),
    ...(typeof role === 'string' ? { role: role as Role } : {}),
    ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}),
  };
}
