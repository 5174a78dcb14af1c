import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isPrivateAddress } from './isPrivateAddress.ts';

/** The sentence recorded when an endpoint leads to a private address. */
export function privateRefusal(host: string, address: string): string {
  return `refused: ${host} is ${address === host ? 'a private address' : `at a private address (${address})`}; set TINYCHAT_WEBHOOK_ALLOW_PRIVATE=1 to allow it`;
}

/**
 * A `lookup` for sockets that fails when the name resolves to a private address. It runs when the connection
 * is made, so a name that resolved to a public address when it was checked cannot be re-pointed at the
 * server's own network afterwards (DNS rebinding).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, { ...options, all: true } as LookupAllOptions, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad !== undefined) return callback(Object.assign(new Error(privateRefusal(hostname, bad.address)), { code: 'EPRIVATE' }), '', 4);
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    if (first === undefined) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 4);
    callback(null, first.address, first.family);
  });
};
