import { ErrorCode } from '@ansinh/domain'

export type FieldErrors = Record<string, string[]>

/**
 * The one error type services throw. `message` is for the log (no personal data); the answer's text
 * comes from the code's Vietnamese/English message, or from `userMessage` when a use case has a
 * more precise one to show.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { fields?: FieldErrors; userMessage?: { vi: string; en: string } } = {},
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const notFound = (what: string) => new DomainError(ErrorCode.NotFound, `${what} not found`)
