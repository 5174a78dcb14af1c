// Jest 30 on Node 20/22 loads the package as ES modules (run with --experimental-vm-modules); on Node 24.9+ a
// CommonJS test can require() it too.
import { mount, TinyChatElement } from 'tinychat-widget';
import { HttpError, isHttpError } from 'tinychat-widget/errors';

test('the package loads in Jest, on a server without a DOM', () => {
  expect(typeof mount).toBe('function');
  expect(typeof TinyChatElement).toBe('function');
  expect(isHttpError(new HttpError({ status: 404, message: 'conversation not found', body: null }))).toBe(true);
  expect(isHttpError(new Error('not ours'))).toBe(false);
});
