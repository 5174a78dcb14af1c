import type { TinyChatApi } from '../transport/types.ts';
import { isTransient, statusOf } from './failure.ts';

/**
 * The same api, telling `onAnswer` each time the service answered a call: a success, or a refusal that is about
 * the request (a 4xx other than "not now"), which also proves the service is there. Whatever waits for the
 * service to come back (the outbox's backoff, a failed start, an alert about the connection) listens to this
 * rather than to its own timer, so it moves the moment any request gets through.
 */
export function tapAnswers(api: TinyChatApi, onAnswer: () => void): TinyChatApi {
  const answered = <T>(result: Promise<T>): Promise<T> => {
    result.then(onAnswer, (error: unknown) => {
      if (statusOf(error) !== null && !isTransient(error)) onAnswer();
    });
    return result;
  };
  return new Proxy(api, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        return result instanceof Promise ? answered(result) : result;
      };
    },
  });
}
