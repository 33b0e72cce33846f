/**
 * @module adapters/store/store-error
 * The error the store throws for a problem a person must fix (unreachable database, missing
 * migrations, unknown target…). The message is a Vietnamese sentence.
 */

/** A store problem a person must fix; `message` is in Vietnamese. */
export class StoreError extends Error {
  override name = 'StoreError'

  /**
   * @param message Vietnamese sentence naming the store, file or setting concerned
   * @param options the underlying error, if any
   */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}
