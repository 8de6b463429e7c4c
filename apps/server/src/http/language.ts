import type { FastifyRequest } from 'fastify'

export type Language = 'vi' | 'en'

/** Vietnamese unless the client asks for English first (`Accept-Language: en…`). */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language']
  return typeof header === 'string' && /^\s*en\b/i.test(header) ? 'en' : 'vi'
}
