/** A webhook endpoint that cannot be used as configured; the message says what to change. */
export class WebhookConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookConfigError';
  }
}
