// tinychat-widget/errors: the same classes as the main entry, and guards that narrow.
import { HttpError as MainHttpError } from 'tinychat-widget';
import { HttpError, isHttpError, isRateLimitError, type TransportErrorKind } from 'tinychat-widget/errors';

const error: unknown = new HttpError({ status: 404, message: 'conversation not found', body: null });
const same: MainHttpError = new HttpError({ status: 500, message: 'x', body: null });
void same;
if (isHttpError(error)) {
  const status: number = error.status;
  void status;
}
if (isRateLimitError(error)) {
  const wait: number | undefined = error.retryAfterSeconds;
  void wait;
}
const kind: TransportErrorKind = 'network';
// @ts-expect-error: not a kind
const wrong: TransportErrorKind = 'offline';
void [kind, wrong];
