import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { newPhoneContext } from './browser'
import type { useServerAndBrowser } from './journey'
import { button, field, heading } from './staff'

/** What the citizen journeys share: a phone of their own, signing in through the app's screens. */

export type Running = ReturnType<typeof useServerAndBrowser>

type OnPhone = (page: Page, context: BrowserContext) => Promise<void>

/**
 * Runs `run` on a phone (390 × 844, touch) with its own storage, so its own device id, and closes it
 * after; axe needs `bypassCSP`. The service worker is blocked unless `options` say otherwise: once it
 * takes control mid-test, Chromium may not report the API responses the page waits for (the offline
 * app is home.e2e.ts's subject).
 */
export async function withPhone(running: Running, ...args: [OnPhone] | [BrowserContextOptions, OnPhone]) {
  const [options, run] = args.length === 1 ? [{}, args[0]] : args
  const context = await newPhoneContext(running.browser, {
    baseURL: running.server.baseUrl,
    bypassCSP: true,
    serviceWorkers: 'block',
    ...options,
  })
  try {
    await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

export type CitizenSignIn = { bhxhCode: string; password: string; fullName: string }

/** From the home screen's "Đăng nhập" link, by BHXH code and password; answers once her name shows. */
export async function signInCitizen(page: Page, citizen: CitizenSignIn): Promise<void> {
  await page.goto('/')
  await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
  await heading(page, 'Đăng nhập')
  await field(page, 'Tên đăng nhập').fill(citizen.bhxhCode)
  await field(page, 'Mật khẩu').fill(citizen.password)
  await button(page, 'Đăng nhập').click()
  await page.getByText(citizen.fullName, { exact: true }).waitFor()
}
