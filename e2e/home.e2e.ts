import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { describeViolations, runAxe, seriousViolations } from './support/axe'
import { type Device, hasChromium, newContext } from './support/browser'
import { useServerAndBrowser } from './support/journey'

// Journey: a first visit. The citizen app opens in Vietnamese with the nine functions of the real
// app, switches to English and remembers it, works as an installable offline PWA; the staff
// back-office answers under /staff.

const tilesVi = [
  'Quản lý cá nhân',
  'Thẻ BHYT',
  'Quá trình tham gia',
  'Thông tin hưởng',
  'Sổ khám chữa bệnh',
  'Dịch vụ công',
  'Tra cứu trực tuyến',
  'Hỗ trợ',
  'Tin tức',
]
const tilesEn = [
  'Personal information',
  'Health insurance card',
  'Participation history',
  'Benefits',
  'Medical visits',
  'Public services',
  'Online look-up',
  'Support',
  'News',
]
const devices: Device[] = ['phone', 'desktop']

/** Names of the tile links as the browser's accessibility tree computes them, in screen order. */
async function tileNames(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: /^(Tiện ích|Services)$/ })
  await nav.getByRole('link').first().waitFor()
  const snapshot = await nav.ariaSnapshot()
  return [...snapshot.matchAll(/- link "([^"]*)"/g)].map((match) => match[1] ?? '')
}

/** Polls until the tiles show `expected` (a language switch re-renders asynchronously). */
async function expectTiles(page: Page, expected: string[]): Promise<void> {
  const deadline = Date.now() + 5_000
  let names = await tileNames(page)
  while (JSON.stringify(names) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100)
    names = await tileNames(page)
  }
  expect(names).toEqual(expected)
}

describe.skipIf(!hasChromium())('home: first visit of the citizen app and the staff entry', () => {
  const running = useServerAndBrowser()

  it('uses Vietnamese text in Unicode NFC with its diacritics', () => {
    for (const text of tilesVi) expect(text).toBe(text.normalize('NFC'))
  })

  for (const device of devices) {
    it(`${device}: shows the nine tiles in Vietnamese, switches to English and keeps it after a reload`, async () => {
      const context = await newContext(running.browser, device, { baseURL: running.server.baseUrl })
      try {
        const page = await context.newPage()
        await page.goto('/')
        await expectTiles(page, tilesVi)
        expect(await page.getAttribute('html', 'lang')).toBe('vi')
        expect(await page.title()).toBe('BHXH số')
        await page.getByRole('banner').getByText('BHXH số', { exact: true }).waitFor()
        await page.getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor()
        await page.getByRole('link', { name: 'Đăng ký', exact: true }).waitFor()
        await page.getByRole('contentinfo').getByText('1900 9068').waitFor()
        for (const name of tilesVi) {
          expect(await page.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true)
        }
        // Each text on screen is NFC too (composed, as typed on a Vietnamese keyboard).
        const bodyText = (await page.locator('body').textContent()) ?? ''
        expect(bodyText).toBe(bodyText.normalize('NFC'))

        const english = page.getByRole('button', { name: 'English' })
        expect(await english.getAttribute('aria-pressed')).toBe('false')
        await english.click()
        await expectTiles(page, tilesEn)
        expect(await page.getAttribute('html', 'lang')).toBe('en')
        expect(await english.getAttribute('aria-pressed')).toBe('true')

        await page.reload()
        await expectTiles(page, tilesEn)
        expect(await page.getAttribute('html', 'lang')).toBe('en')

        // A tile opens its placeholder page, whose back button returns home.
        await page.getByRole('link', { name: 'Health insurance card', exact: true }).click()
        await page.getByRole('heading', { level: 1, name: 'Health insurance card' }).waitFor()
        await page.getByText('Coming soon', { exact: true }).waitFor()
        expect(new URL(page.url()).pathname).toBe('/health-card')
        await page.getByRole('button', { name: 'Back', exact: true }).click()
        await expectTiles(page, tilesEn)
        expect(new URL(page.url()).pathname).toBe('/')

        // Back to Vietnamese, from the same switch.
        await page.getByRole('button', { name: 'Tiếng Việt' }).click()
        await expectTiles(page, tilesVi)
      } finally {
        await context.close()
      }
    })
  }

  it('opens a placeholder page by its address (server falls back to the app for unknown paths)', async () => {
    const context = await newContext(running.browser, 'phone', { baseURL: running.server.baseUrl })
    try {
      const page = await context.newPage()
      const response = await page.goto('/medical-visits')
      expect(response?.status()).toBe(200)
      await page.getByRole('heading', { level: 1, name: 'Sổ khám chữa bệnh' }).waitFor()
      await page.getByText('Sắp ra mắt', { exact: true }).waitFor()
      // Opened directly, "back" has no history of ours: it goes home.
      await page.getByRole('button', { name: 'Quay lại', exact: true }).click()
      await expectTiles(page, tilesVi)
    } finally {
      await context.close()
    }
  })

  it('serves the staff back-office under /staff, in Vietnamese, with its sign-in heading', async () => {
    const context = await newContext(running.browser, 'desktop', { baseURL: running.server.baseUrl })
    try {
      const page = await context.newPage()
      const response = await page.goto('/staff')
      expect(response?.status()).toBe(200)
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor()
      expect(await page.getAttribute('html', 'lang')).toBe('vi')
      await page.getByLabel('Tên đăng nhập').waitFor()
      await page.getByLabel('Mật khẩu').waitFor()

      // A deep link of the staff app falls back to the staff app, not the citizen one; signed out, it
      // asks for the sign-in (the workspace itself is covered by staff-review.e2e.ts).
      await page.goto('/staff/reports')
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập cán bộ' }).waitFor()
      await page.getByLabel('Tên đăng nhập').waitFor()
    } finally {
      await context.close()
    }
  })

  it('links the web app manifest and registers a service worker that opens the app offline', async () => {
    const context = await newContext(running.browser, 'phone', { baseURL: running.server.baseUrl })
    try {
      const page = await context.newPage()
      await page.goto('/')
      await expectTiles(page, tilesVi)

      const href = await page.locator('link[rel="manifest"]').getAttribute('href')
      expect(href).toBe('/manifest.webmanifest')
      const manifestResponse = await context.request.get(href ?? '')
      expect(manifestResponse.status()).toBe(200)
      const manifest = (await manifestResponse.json()) as {
        name: string
        short_name: string
        lang: string
        start_url: string
        display: string
        icons: { src: string; sizes: string; purpose?: string }[]
      }
      expect(manifest).toMatchObject({
        name: 'An Sinh – BHXH số',
        short_name: 'BHXH số',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
      })
      const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)
      expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']))
      for (const icon of manifest.icons) {
        const response = await context.request.get(icon.src)
        expect(response.status(), icon.src).toBe(200)
        expect(response.headers()['content-type'], icon.src).toMatch(/^image\//)
      }

      const scriptUrl = await page.evaluate(async () => {
        const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))
        const registration = await Promise.race([navigator.serviceWorker.ready, timeout])
        return registration?.active?.scriptURL ?? null
      })
      expect(scriptUrl).toBe(`${running.server.baseUrl}/sw.js`)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 15_000,
      })

      // The shell is precached, and nothing of the API or the probes is.
      const cached = await page.evaluate(async () => {
        const urls: string[] = []
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys())
            urls.push(new URL(request.url).pathname)
        }
        return urls
      })
      expect(cached).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest']))
      expect(cached.filter((url) => /^\/(api|docs|metrics|healthz|readyz|staff)(\/|$)/.test(url))).toEqual([])

      await context.setOffline(true)
      await page.reload()
      await expectTiles(page, tilesVi)
      await page.getByRole('link', { name: 'Tin tức', exact: true }).click()
      await page.getByRole('heading', { level: 1, name: 'Tin tức' }).waitFor()
      await context.setOffline(false)
    } finally {
      await context.close()
    }
  })

  for (const device of devices) {
    it(`${device}: has no serious or critical accessibility violations (axe-core, WCAG 2.2 AA)`, async () => {
      // bypassCSP lets axe-core's <script> tag in; the pages themselves run under the real policy elsewhere.
      const context = await newContext(running.browser, device, {
        baseURL: running.server.baseUrl,
        bypassCSP: true,
      })
      try {
        const page = await context.newPage()
        for (const [path, heading] of [
          ['/', 'Bảo hiểm xã hội trong tầm tay'],
          ['/health-card', 'Thẻ BHYT'],
          ['/staff', 'Đăng nhập cán bộ'],
        ] as const) {
          await page.goto(path)
          await page.getByRole('heading', { level: 1, name: heading }).waitFor()
          const serious = seriousViolations(await runAxe(page))
          expect(serious, `${path}\n${describeViolations(serious)}`).toEqual([])
        }
      } finally {
        await context.close()
      }
    })
  }
})
