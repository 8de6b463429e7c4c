import { accessSync, constants } from 'node:fs'
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium } from 'playwright-core'

/** Debian's Chromium: no browser download, the same binary on every machine that has the package. */
export const chromiumPath = '/usr/bin/chromium'

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

let available: boolean | undefined

/**
 * Whether Chromium is installed. When it is not, prints the skip notice once per test file, so that
 * `describe.skipIf(!hasChromium())` is all an e2e file needs.
 */
export function hasChromium(): boolean {
  if (available === undefined) {
    try {
      accessSync(chromiumPath, constants.X_OK)
      available = true
    } catch {
      available = false
      console.warn(`E2E skipped: ${chromiumPath} not found — apt-get install -y chromium`)
    }
  }
  return available
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: launchArgs })
}

export type Device = 'phone' | 'desktop'

/** The two sizes every journey runs at: a common phone and a common office screen. */
export const devices: Record<Device, BrowserContextOptions> = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1366, height: 900 }, deviceScaleFactor: 1 },
}

/** A fresh context (own storage, cookies, service workers) as a Vietnamese user would have it. */
export function newContext(
  browser: Browser,
  device: Device,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    ...devices[device],
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    ...options,
  })
}

export function newPhoneContext(browser: Browser, options?: BrowserContextOptions): Promise<BrowserContext> {
  return newContext(browser, 'phone', options)
}

export function newDesktopContext(
  browser: Browser,
  options?: BrowserContextOptions,
): Promise<BrowserContext> {
  return newContext(browser, 'desktop', options)
}
