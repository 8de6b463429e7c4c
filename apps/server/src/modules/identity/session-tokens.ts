import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'

/**
 * Session tokens and cookies of both sign-ins, staff and citizen. The session token lives only in
 * the browser's cookie; the database keeps its SHA-256 (a 256-bit random value needs no salt or
 * slow hash), so a copy of a sessions table signs nobody in. The CSRF token is derived from the
 * session token with SESSION_SECRET: nothing to store, and it changes with the session.
 */

export const csrfHeaderName = 'x-ansinh-csrf'

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

export function csrfTokenFor(sessionSecret: string, sessionToken: string): string {
  return createHmac('sha256', sessionSecret).update(`csrf:${sessionToken}`).digest('base64url')
}

export function csrfMatches(sessionSecret: string, sessionToken: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false
  return sameText(csrfTokenFor(sessionSecret, sessionToken), presented)
}

/** Constant-time comparison of two strings (length differences end early, which reveals nothing secret). */
export function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Whether a request that changes state carries the session's CSRF token; other methods need none. */
export function csrfHeld(
  deps: { secrets: { sessionSecret: string } },
  request: FastifyRequest,
  token: string,
): boolean {
  if (!stateChanging.has(request.method)) return true
  return csrfMatches(deps.secrets.sessionSecret, token, request.headers[csrfHeaderName])
}

/** The cookie's token; an oversized value is no token of ours (ours are 43 characters). */
export function readSessionCookie(request: FastifyRequest, name: string): string | undefined {
  const value = request.cookies[name]
  return value && value.length <= 128 ? value : undefined
}

/**
 * HttpOnly (no script reads it), Secure behind an https PUBLIC_URL (over plain HTTP in a LAN demo the
 * browser would drop a Secure cookie), for the whole site. No Max-Age: the server ends sessions.
 * SameSite is the caller's: Strict for the back-office; Lax for the citizen app, which people reach
 * from links in messages (the CSRF header still guards every change).
 */
export type SessionCookie = { name: string; sameSite: 'strict' | 'lax'; secure: boolean }

export function setSessionCookie(reply: FastifyReply, cookie: SessionCookie, token: string): void {
  reply.setCookie(cookie.name, token, cookieOptions(cookie))
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  reply.clearCookie(cookie.name, cookieOptions(cookie))
}

function cookieOptions({ sameSite, secure }: SessionCookie) {
  return { httpOnly: true, sameSite, secure, path: '/' } as const
}

/** Secure cookies only when the public address is https. */
export function secureCookies(config: { publicUrl?: string | undefined }): boolean {
  return config.publicUrl?.startsWith('https:') ?? false
}
