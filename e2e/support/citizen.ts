import type { APIRequestContext, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { newPhoneContext } from './browser'
import type { useServerAndBrowser } from './journey'
import { button, field, heading, outbox } from './staff'

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

/** The newest OTP sent to `phone` that is not one of `seen`, from the development outbox. */
export async function otpFromOutbox(
  request: APIRequestContext,
  phone: string,
  seen = new Set<string>(),
): Promise<string> {
  let kinds: string[] = []
  for (let attempt = 0; attempt < 80; attempt += 1) {
    const items = await outbox(request, phone)
    const message = items.find((item) => item.kind === 'otp' && !seen.has(item.id))
    const code = message ? /\b(\d{6})\b/.exec(message.text)?.[1] : undefined
    if (message && code) {
      seen.add(message.id)
      return code
    }
    kinds = items.map((item) => item.kind)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no OTP for ${phone} in the outbox (kinds: ${kinds.join(', ')})`)
}

/** Marks every OTP already in the outbox as seen, so the next one read is the one just asked for. */
export async function seenOtps(request: APIRequestContext, phone: string): Promise<Set<string>> {
  return new Set((await outbox(request, phone)).map((item) => item.id))
}
