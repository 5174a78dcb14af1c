export { HttpError, isHttpError, type HttpErrorInit } from './HttpError.ts';
export { isMissingKeyError, MissingKeyError } from './MissingKeyError.ts';
export { isNetworkError, NetworkError } from './NetworkError.ts';
export { isRateLimitError, RateLimitError } from './RateLimitError.ts';
export { isSecretKeyError, SecretKeyError } from './SecretKeyError.ts';
export { isTimeoutError, TimeoutError } from './TimeoutError.ts';
export { isTransportError, TRANSPORT_ERROR, TransportError, transportErrorKind, type TransportErrorKind } from './TransportError.ts';
