/**
 * An event whose `data` cannot be applied (missing payment id, an amount with more decimals
 * than its currency has...). The event is kept with status `failed` and this message, and can
 * be reprocessed after a fix; a retry of the same code on the same data would fail again.
 */
export class ApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyError';
  }
}
