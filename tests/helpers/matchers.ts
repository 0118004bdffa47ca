import { expect } from 'vitest'
import { ModelError } from '../../model/errors'
import type { ModelErrorCode } from '../../model/errors'

/**
 * Matchers every unit test may use (vitest.config.ts loads this file first).
 * `expect(() => addNote(doc, …)).toThrowModelError('tooLong')`: the call is refused by the model
 * with that code. Any other error is thrown on, as the model never refuses with one.
 */
declare module 'vitest' {
  // The parameter must match vitest's own declaration.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Matchers<T = any> {
    toThrowModelError(code: ModelErrorCode): T
  }
}

expect.extend({
  toThrowModelError(received: unknown, code: ModelErrorCode) {
    if (typeof received !== 'function') throw new TypeError('toThrowModelError expects a function to call')
    try {
      received()
    } catch (error) {
      if (!(error instanceof ModelError)) throw error
      return {
        pass: error.code === code,
        message: () => `expected ${this.isNot ? 'no ' : ''}ModelError '${code}', the model refused with '${error.code}'`,
        actual: error.code,
        expected: code,
      }
    }
    return { pass: false, message: () => `expected ModelError '${code}', the call was accepted` }
  },
})
