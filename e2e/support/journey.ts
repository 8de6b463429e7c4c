import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchBrowser } from './browser'
import { type RunningServer, type StartServerOptions, startServer } from './server'

export type Running = { server: RunningServer; browser: Browser }

/**
 * A journey's server and browser: started before its tests, stopped after them. Read the fields
 * inside the tests (they are set once `beforeAll` has run).
 */
export function useServerAndBrowser(options: StartServerOptions = {}): Running {
  const running = {} as Running
  beforeAll(async () => {
    running.server = await startServer(options)
    running.browser = await launchBrowser()
  })
  afterAll(async () => {
    await running.browser?.close()
    await running.server?.stop()
  })
  return running
}
