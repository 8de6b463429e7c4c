/**
 * The outcome of reading untrusted input (a form field, a QR payload, an imported file).
 * Parsers return this instead of throwing so that callers must look at the failure and can show
 * `error.message` (Vietnamese) to a person or map `error.code` to another language.
 */
export type ParseError = { code: string; message: string }

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ParseError }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function fail(code: string, message: string): { ok: false; error: ParseError } {
  return { ok: false, error: { code, message } }
}

export function isOk<T>(parsed: Parsed<T>): parsed is { ok: true; value: T } {
  return parsed.ok
}

export function mapParsed<T, U>(parsed: Parsed<T>, fn: (value: T) => U): Parsed<U> {
  return parsed.ok ? ok(fn(parsed.value)) : parsed
}

/** The value, or `fallback` when parsing failed. */
export function parsedOr<T, F>(parsed: Parsed<T>, fallback: F): T | F {
  return parsed.ok ? parsed.value : fallback
}

/** Thrown by `unwrapParsed`; carries the parse error's code. */
export class ParseFailedError extends Error {
  readonly code: string

  constructor(error: ParseError) {
    super(error.message)
    this.name = 'ParseFailedError'
    this.code = error.code
  }
}

/**
 * The value, or a thrown `ParseFailedError`. Only for input that is already trusted (seed data,
 * tests, values read back from our own database) where a failure is a bug, not a user mistake.
 */
export function unwrapParsed<T>(parsed: Parsed<T>): T {
  if (parsed.ok) return parsed.value
  throw new ParseFailedError(parsed.error)
}
