import type { TinyChatApi } from '../transport/types.ts';

/** An API whose every call fails with the same error: what a refused key leaves to call. */
export function refusing(error: unknown): TinyChatApi {
  return new Proxy({} as TinyChatApi, { get: () => () => Promise.reject(error) });
}
