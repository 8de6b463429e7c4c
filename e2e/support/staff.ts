import type { APIRequestContext, Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import { expect } from 'vitest'
import { describeViolations, runAxe, seriousViolations } from './axe'
import { newDesktopContext } from './browser'
import { totpCode } from './totp'

/** What the back-office journeys share: the demo staff, signing in, the page's parts, the dev outbox. */

export type StaffSignIn = { username: string; secret: string }

/** The demo staff (README, "Demo accounts"): one password, a published TOTP secret each. */
export const demoStaffPassword = 'Staff@AnSinh2026'
export const demoStaff = {
  quan5Reviewer: { username: 'q5.reviewer', secret: 'VJ4VS4MN76IZOTYFVW5MZGXSN2V5HBJY' },
  dongDaReviewer: { username: 'dongda.reviewer', secret: 'SIL3G56G332TLNP6AK5EFHTDBZKAVI2K' },
  hcmAdmin: { username: 'hcm.admin', secret: 'YJ6ISJ4SBVBTCTVLAPWRNEHM7EOHFDYD' },
  newsEditor: { username: 'vss.editor', secret: 'AMTXV5IUWIZ23KT4D3FW5SQ6QS4FTHA4' },
} satisfies Record<string, StaffSignIn>

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

/** Waits for the page's heading (level 1 unless told). */
export async function heading(page: Page, name: string | RegExp, level = 1): Promise<void> {
  await page.getByRole('heading', { level, name }).waitFor()
}

/** Waits for the page's notice (the result of an action) with this text. */
export async function notice(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('.staff-notice').filter({ hasText: text }).waitFor()
}

export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const serious = seriousViolations(await runAxe(page))
  expect(serious, `${where}\n${describeViolations(serious)}`).toEqual([])
}

/** The password step of the sign-in page; answers once the next step's heading shows. */
export async function enterPassword(
  page: Page,
  username: string,
  password: string,
  next: string,
): Promise<void> {
  await page.goto('/staff/')
  await heading(page, 'Đăng nhập cán bộ')
  await field(page, 'Tên đăng nhập').fill(username)
  await field(page, 'Mật khẩu').fill(password)
  await button(page, 'Đăng nhập').click()
  await heading(page, next)
}

const lastCodes = new Map<string, string>()

/**
 * The authenticator's code, once the one this run last typed for the same staff member has passed:
 * the back-office refuses a code used once already, and journeys sign the same reviewer in again.
 */
async function unusedCode(staff: StaffSignIn): Promise<string> {
  while (totpCode(staff.secret) === lastCodes.get(staff.username))
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  const code = totpCode(staff.secret)
  lastCodes.set(staff.username, code)
  return code
}

/** Where the back-office opens after the sign-in: the dossier list, or "Tin tức" for a news editor. */
export type Landing = { heading: string; path: string }
const dossierList: Landing = { heading: 'Hồ sơ ĐK GDĐT – Cá nhân', path: '/staff/dossiers' }

/** Password, then the authenticator's code; ends where the role lands (the dossier list unless told). */
export async function signIn(page: Page, staff: StaffSignIn, landing: Landing = dossierList): Promise<void> {
  await enterPassword(page, staff.username, demoStaffPassword, 'Xác thực hai lớp')
  const code = page.getByLabel('Mã xác thực (6 chữ số)')
  expect(await code.getAttribute('autocomplete')).toBe('one-time-code')
  await code.fill(await unusedCode(staff))
  await button(page, 'Đăng nhập').click()
  await heading(page, landing.heading)
  expect(new URL(page.url()).pathname).toBe(landing.path)
}

/** A desktop context for one staff member (axe needs `bypassCSP`), closed after `run`. */
export async function withStaffContext(
  browser: Browser,
  baseURL: string,
  run: (page: Page, context: BrowserContext) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const context = await newDesktopContext(browser, { baseURL, bypassCSP: true, ...options })
  try {
    await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

export type OutboxItem = { id: string; kind: string; text: string }

export async function outbox(request: APIRequestContext, to: string): Promise<OutboxItem[]> {
  const response = await request.get(`/api/v1/dev/outbox?to=${to}&limit=20`)
  expect(response.status()).toBe(200)
  return ((await response.json()) as { items: OutboxItem[] }).items
}

/** The newest message of one of `kinds` sent to `to`, waiting up to 20 s for the dispatcher. */
export async function waitForMessage(
  request: APIRequestContext,
  to: string,
  kinds: string[],
): Promise<OutboxItem> {
  for (let attempt = 0; attempt < 80; attempt += 1) {
    const found = (await outbox(request, to)).find((item) => kinds.includes(item.kind))
    if (found) return found
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no ${kinds.join('/')} message for ${to}`)
}
