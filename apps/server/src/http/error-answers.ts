import { ApiError } from '@ansinh/domain'

/**
 * The error answers a route documents, all `{ error: { code, message, fields? } }`:
 * `response: { 200: View, ...errorAnswers(400, 401, 404) }`.
 */
export function errorAnswers<const Statuses extends readonly number[]>(
  ...statuses: Statuses
): { [Status in Statuses[number]]: typeof ApiError } {
  return Object.fromEntries(statuses.map((status) => [status, ApiError])) as {
    [Status in Statuses[number]]: typeof ApiError
  }
}
