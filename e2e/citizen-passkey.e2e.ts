import type { BrowserContext, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, newPhoneContext } from './support/browser'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 6, item 8): the demo citizen signs in with her password on her phone, turns on the
// fingerprint / Face ID sign-in (a passkey, here Chromium's virtual authenticator with a verified
// user), signs out, and signs in again with the passkey alone; then removes it.

const citizen = {
  bhxhCode: '7900012345',
  fullName: 'Nguyễn Thị Thu Hằng',
  password: 'Demo@AnSinh2026',
}

type Running = ReturnType<typeof useServerAndBrowser>

/**
 * A phone with a platform authenticator that holds discoverable credentials and verifies the user.
 * The page is reached as `localhost`: WebAuthn refuses an IP address as the relying party's domain.
 * The service worker is blocked, as in the sign-in journey (it may hide API responses mid-test).
 */
async function withPasskeyPhone(
  running: Running,
  run: (page: Page, context: BrowserContext) => Promise<void>,
) {
  const context = await newPhoneContext(running.browser, {
    baseURL: running.server.baseUrl.replace('127.0.0.1', 'localhost'),
    bypassCSP: true,
    serviceWorkers: 'block',
  })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('WebAuthn.enable')
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    })
    await run(page, context)
  } finally {
    await context.close()
  }
}

describe.skipIf(!hasChromium())('citizen passkey: fingerprint / Face ID sign-in', () => {
  const running = useServerAndBrowser({
    // The journey signs in, polls the dev outbox and re-checks the session far more often in a
    // minute than one person's phone would: the per-address limits must not decide its outcome
    // (the account lockout it tests is per account).
    env: { RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
  })

  it('signs in with the password, turns the passkey on, signs out and signs in with the passkey', async () => {
    await withPasskeyPhone(running, async (page) => {
      await page.goto('/sign-in')
      await heading(page, 'Đăng nhập')
      await field(page, 'Tên đăng nhập').fill(citizen.bhxhCode)
      await field(page, 'Mật khẩu').fill(citizen.password)
      await button(page, 'Đăng nhập').click()
      await page.getByText(citizen.fullName, { exact: true }).waitFor()

      await page.getByRole('link', { name: 'Tài khoản', exact: true }).click()
      await heading(page, 'Thiết bị đăng nhập')
      await heading(page, 'Đăng nhập bằng vân tay / Face ID', 2)
      await button(page, 'Bật đăng nhập bằng vân tay / Face ID').click()
      await page.getByText('Đã bật đăng nhập bằng vân tay / Face ID trên thiết bị này.').waitFor()
      const passkeys = page.getByRole('list', { name: 'Thiết bị đã bật vân tay / Face ID' })
      await passkeys.getByRole('listitem').first().waitFor()
      expect(await passkeys.getByRole('listitem').count()).toBe(1)
      await expectNoSeriousViolations(page, 'devices with a passkey')

      // Signs out on the home page, which then offers the sign-in again (the sign-out was answered).
      await page.goto('/')
      await button(page, 'Đăng xuất').click()
      await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
      await heading(page, 'Đăng nhập')
      await expectNoSeriousViolations(page, 'sign-in with a passkey button')
      // No username typed: the passkey is discoverable and names its account.
      await button(page, 'Đăng nhập bằng vân tay / Face ID').click()
      await page.getByText(citizen.fullName, { exact: true }).waitFor()
      expect(new URL(page.url()).pathname).toBe('/')

      // Removing it: the list is empty again.
      await page.getByRole('link', { name: 'Tài khoản', exact: true }).click()
      await heading(page, 'Thiết bị đăng nhập')
      await passkeys.getByText(/dùng gần nhất/).waitFor()
      await passkeys.getByRole('button').first().click()
      await page.getByText(/^Đã gỡ đăng nhập bằng vân tay \/ Face ID trên /).waitFor()
      await passkeys.waitFor({ state: 'detached' })
    })
  })
})
