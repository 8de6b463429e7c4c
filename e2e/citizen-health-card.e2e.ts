import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { formatDateVi, formatPartialDate, type MyHealthCard } from '@ansinh/domain'
import type { Locator, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { hasChromium } from './support/browser'
import { withPhone } from './support/citizen'
import { useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 7, "Thẻ BHYT"): the demo citizen signs in on her phone and opens her e-card from the
// home tile; the values match the API and the demo data, and the QR code on screen reads back as the
// payload a hospital's scanner expects. She turns the card to landscape and back. In airplane mode the
// app (served by its service worker) still shows the card as last loaded, "cập nhật lúc …", and loads
// it afresh once the network is back. A session ended on the server's side and her sign-out each
// leave nothing of it on the phone.

const citizen = {
  username: '7900012345',
  password: 'Demo@AnSinh2026',
  fullName: 'Nguyễn Thị Thu Hằng',
  personalId: '079176000417',
}
const cardLabel = `Thẻ bảo hiểm y tế của ${citizen.fullName}`
const qrName = 'Mã QR của thẻ BHYT, để cơ sở khám chữa bệnh quét'

/** What a scanner reads from the element as the screen shows it (a screenshot, decoded by ZXing). */
async function scanQr(element: Locator): Promise<string[]> {
  const png = await element.screenshot({ animations: 'disabled' })
  const results = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'], textMode: 'Plain' })
  return results.filter((result) => result.isValid).map((result) => result.text)
}

/** The keys of the card store in the page's IndexedDB (empty when the database does not exist). */
function storedCardKeys(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((database) => database.name === 'ansinh-records')) return []
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('ansinh-records')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    try {
      if (!db.objectStoreNames.contains('records')) return []
      return await new Promise<string[]>((resolve, reject) => {
        const request = db.transaction('records').objectStore('records').getAllKeys()
        request.onsuccess = () => resolve(request.result.map(String))
        request.onerror = () => reject(request.error)
      })
    } finally {
      db.close()
    }
  })
}

async function expectStoredCardKeys(page: Page, expected: string[]): Promise<void> {
  await expect.poll(() => storedCardKeys(page), { timeout: 10_000 }).toEqual(expected)
}

/** The card's facts as the page shows them, in the order of the card. */
async function expectCardShows(page: Page, card: MyHealthCard): Promise<Locator> {
  const face = page.getByRole('article', { name: cardLabel })
  await face.waitFor()
  const text = (await face.textContent()) ?? ''
  expect(text).toBe(text.normalize('NFC'))
  for (const shown of [
    'BẢO HIỂM XÃ HỘI VIỆT NAM',
    'THẺ BẢO HIỂM Y TẾ',
    '7900 012 345',
    'Mã thẻ cũ: DN 4 79 7900012345',
    'NGUYỄN THỊ THU HẰNG',
    formatPartialDate(card.birth),
    'Nữ',
    card.address,
    `${card.primaryFacility.code} – ${card.primaryFacility.name}`,
    'Từ ngày 01/01/2020 (không ghi thời hạn)',
    card.fiveYearsContinuousFrom ? formatDateVi(card.fiveYearsContinuousFrom) : 'Chưa có',
    `${card.issuingOffice.name} (07915)`,
  ]) {
    expect(text, shown).toContain(shown)
  }
  // Valid today: no "hết hạn" / "chưa đến ngày" badge.
  expect(text).not.toMatch(/hết hạn|chưa đến ngày/)
  return face
}

/** From the sign-in page: her password, the home screen, then the card from its tile. */
async function signInAndOpenCard(page: Page): Promise<void> {
  await heading(page, 'Đăng nhập')
  await field(page, 'Tên đăng nhập').fill(citizen.username)
  await field(page, 'Mật khẩu').fill(citizen.password)
  await button(page, 'Đăng nhập').click()
  await page.getByText(citizen.fullName, { exact: true }).waitFor()
  await page.getByRole('link', { name: 'Thẻ BHYT', exact: true }).click()
  await heading(page, 'Thẻ BHYT')
  expect(new URL(page.url()).pathname).toBe('/health-card')
}

describe.skipIf(!hasChromium())('citizen health card: the e-card, its QR code, landscape, offline', () => {
  const running = useServerAndBrowser({
    // Session checks at each navigation: the per-address limits must not decide the outcome.
    env: { RATE_LIMIT_PER_MINUTE: '10000', RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' },
  })

  beforeAll(async () => {
    // zxing-wasm fetches its .wasm from a CDN by default; the journey must work offline.
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm) }, fireImmediately: true })
  })

  it('phone: shows the card from the home tile, scans, turns to landscape, opens offline, is gone after sign-out', async () => {
    await withPhone(running, { serviceWorkers: 'allow' }, async (page, context) => {
      // The service worker takes control first (as on a phone that has opened the app before), so that
      // the offline part below is served by it and nothing changes hands mid-journey.
      await page.goto('/')
      await page.evaluate(() => navigator.serviceWorker.ready)
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        timeout: 15_000,
      })

      await page.getByRole('link', { name: 'Đăng nhập', exact: true }).click()
      await signInAndOpenCard(page)

      // The API answer (the page's cookies) and the demo data (well-known.ts) agree with the screen.
      const response = await page.request.get('/api/v1/me/card')
      expect(response.status()).toBe(200)
      const card = (await response.json()) as MyHealthCard
      expect(card).toMatchObject({
        cardNumber: '7900012345',
        legacyCardNumber: 'DN4797900012345',
        fullName: citizen.fullName,
        gender: 'female',
        validFrom: '2020-01-01',
        validTo: null,
        status: 'valid',
        issuingOffice: { code: '07915' },
      })
      const face = await expectCardShows(page, card)
      expect(await scanQr(face.getByRole('img', { name: qrName }))).toEqual([card.qrPayload])
      // Stored for offline use, under her account.
      await expectStoredCardKeys(page, ['7900012345/card/self'])
      await expectNoSeriousViolations(page, 'health card')

      // Landscape: the card fills the screen, turned; Escape or "Đóng" brings the page back.
      const rotate = button(page, 'Xoay ngang')
      const portraitBox = await face.boundingBox()
      await rotate.click()
      const dialog = page.getByRole('dialog', { name: 'Thẻ BHYT' })
      await dialog.waitFor()
      const landscapeCard = dialog.getByRole('article', { name: cardLabel })
      await landscapeCard.waitFor()
      const landscapeBox = await landscapeCard.boundingBox()
      expect(Math.max(landscapeBox?.width ?? 0, landscapeBox?.height ?? 0)).toBeGreaterThan(
        1.5 * (portraitBox?.width ?? Number.POSITIVE_INFINITY),
      )
      expect(await scanQr(landscapeCard.getByRole('img', { name: qrName }))).toEqual([card.qrPayload])
      expect(await button(page, 'Đóng').evaluate((element) => element === document.activeElement)).toBe(true)
      await expectNoSeriousViolations(page, 'health card, landscape')
      // In the browser's full screen, the first Escape leaves it; the next one closes the view.
      const escapes = await page.evaluate(() => (document.fullscreenElement ? 2 : 1))
      for (let press = 0; press < escapes; press += 1) await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached' })
      expect(await rotate.evaluate((element) => element === document.activeElement)).toBe(true)
      await rotate.click()
      await dialog.waitFor()
      await button(page, 'Đóng').click()
      await dialog.waitFor({ state: 'detached' })

      // The profile is kept the same way: opened once online, it opens in airplane mode too.
      await page.goto('/profile')
      await page.getByText(citizen.personalId, { exact: true }).waitFor()
      await page.goto('/health-card')
      await heading(page, 'Thẻ BHYT')
      await expectStoredCardKeys(page, ['7900012345/card/self', '7900012345/profile/self'])

      // Airplane mode: a reload starts the app without network; the card still opens, as last loaded.
      await context.setOffline(true)
      await page.reload()
      await heading(page, 'Thẻ BHYT')
      await page.getByText(/^Đang ngoại tuyến — cập nhật lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/).waitFor()
      const offlineFace = await expectCardShows(page, card)
      expect(await scanQr(offlineFace.getByRole('img', { name: qrName }))).toEqual([card.qrPayload])
      await expectNoSeriousViolations(page, 'health card, offline')
      // And from the home screen's tile too.
      await page.goto('/')
      await page.getByRole('link', { name: 'Thẻ BHYT', exact: true }).click()
      const offlineNotice = page.getByText(/^Đang ngoại tuyến — cập nhật lúc /)
      await offlineNotice.waitFor()
      await expectCardShows(page, card)
      await page.goto('/profile')
      await heading(page, 'Quản lý cá nhân')
      await page.getByText(/^Đang ngoại tuyến — cập nhật lúc /).waitFor()
      await page.getByText(citizen.personalId, { exact: true }).waitFor()
      await page.goto('/')
      await page.getByRole('link', { name: 'Thẻ BHYT', exact: true }).click()
      await offlineNotice.waitFor()

      // The network comes back: the app asks again at once, and the card is fresh.
      await context.setOffline(false)
      await offlineNotice.waitFor({ state: 'detached' })
      await expectCardShows(page, card)
      await expectStoredCardKeys(page, ['7900012345/card/self', '7900012345/profile/self'])

      // Her session ends on the server's side (expired, or signed in elsewhere: the same 401): at the
      // next navigation the app asks her to sign in again, and the stored card is gone.
      await context.clearCookies()
      await page.getByRole('button', { name: 'Quay lại', exact: true }).click()
      await page.getByRole('link', { name: 'Thẻ BHYT', exact: true }).click()
      await page.getByText('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.').waitFor()
      await expectStoredCardKeys(page, [])
      await signInAndOpenCard(page)
      await expectCardShows(page, card)
      await expectStoredCardKeys(page, ['7900012345/card/self'])

      // She signs out, and the stored card goes with her session.
      await page.goto('/')
      await page.getByText(citizen.fullName, { exact: true }).waitFor()
      await button(page, 'Đăng xuất').click()
      await page.getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor()
      await expectStoredCardKeys(page, [])

      // Offline again: no card to show, and the page says so.
      await context.setOffline(true)
      await page.goto('/health-card')
      await heading(page, 'Thẻ BHYT')
      await page.getByText(/chưa có thẻ BHYT nào được lưu trên thiết bị này/).waitFor()
      expect(await page.getByRole('article', { name: cardLabel }).count()).toBe(0)
      await context.setOffline(false)
    })
  })
})
