import { afterAll, beforeAll } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import type { TestBackend } from '../../../test/database'

/**
 * The application of a staff sign-in test suite, one per backend: its clock stands still until the
 * test moves it on (TOTP codes, lockouts and session ends are all about time), and the guessing
 * budget is out of the way of tests that sign in many times. Call it inside `describe`.
 */
export function staffTestApp(backend: TestBackend) {
  let test: TestApp | undefined
  let now = new Date('2026-12-01T02:00:00Z')
  beforeAll(async () => {
    test = await createTestApp({
      backend,
      clock: () => now,
      env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
    })
  })
  afterAll(async () => test?.close())
  const started = () => {
    if (!test) throw new Error('staffTestApp: the app starts in beforeAll')
    return test
  }
  return {
    get app() {
      return started().app
    },
    get database() {
      return started().database
    },
    now: () => now,
    later: (ms: number) => {
      now = new Date(now.getTime() + ms)
    },
    post: (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      started().app.inject({ method: 'POST', url, payload: payload as object, headers }),
    get: (url: string, headers: Record<string, string> = {}) =>
      started().app.inject({ method: 'GET', url, headers }),
  }
}
