import type { CollectionPointListingPage, OfficeListingPage } from '@ansinh/domain'
import type { BrowserContextOptions, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { hasChromium, newPhoneContext } from './support/browser'
import { type Running, useServerAndBrowser } from './support/journey'
import { button, expectNoSeriousViolations, field, heading } from './support/staff'

// Journey (issue 8, look-ups 3–6): on a phone, without signing in, someone looks up the BHXH office
// nearest to them (the device's position, with consent), a facility under a BHYT contract by a name
// typed without accents, one more page of facilities issuing sick-leave certificates, an employer
// unit by part of its name, and, the position refused, the collection points nearest a chosen commune
// (first found by the name, typed without accents, of an old ward split in 2025, then in the lists).
// The offices and collection points also open on a map (Leaflet, loaded when "Xem bản đồ" is pressed):
// one marker per listed place, "you are here" with the device's position, and, this server having no
// MAP_TILE_URL (or, for the facilities, a tile server that does not answer), the note that the base
// map is missing and the list complete.

async function withPhone(
  running: Running,
  options: BrowserContextOptions,
  journey: (page: Page) => Promise<void>,
) {
  const context = await newPhoneContext(running.browser, {
    baseURL: running.server.baseUrl,
    bypassCSP: true,
    serviceWorkers: 'block',
    ...options,
  })
  try {
    await journey(await context.newPage())
  } finally {
    await context.close()
  }
}

const cards = (page: Page) => page.getByRole('region', { name: 'Kết quả tra cứu' }).getByRole('listitem')

const noTilesNote = 'Bản đồ nền không khả dụng; danh sách bên dưới vẫn đầy đủ.'

/** Opens the map (closed on a phone) and waits for one marker per listed place with coordinates. */
async function openMap(page: Page, items: { latitude: number | null; longitude: number | null }[]) {
  const located = items.filter((item) => item.latitude !== null && item.longitude !== null).length
  expect(located).toBeGreaterThan(0)
  await button(page, 'Xem bản đồ').click()
  await expect.poll(() => page.locator('.dirlookup-map__place').count()).toBe(located)
  await page.getByRole('status').filter({ hasText: noTilesNote }).waitFor()
  // Out of the keyboard's way: nothing in the map takes focus.
  expect(
    await page.locator('.leaflet-container [tabindex="0"], .leaflet-container[tabindex="0"]').count(),
  ).toBe(0)
}

describe.skipIf(!hasChromium())(
  'directory look-ups: offices, facilities, employers, collection points',
  () => {
    const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

    it('phone: the BHXH office nearest the device, with its phone to call', async () => {
      // The device stands at the door of BHXH cơ sở Ba Đình (demo reference data).
      const position = {
        geolocation: { latitude: 21.0135, longitude: 105.8072 },
        permissions: ['geolocation'],
      }
      await withPhone(running, position, async (page) => {
        await page.goto('/lookup/offices')
        await heading(page, 'Tra cứu cơ quan BHXH')
        // Before any filter: the tree in code order, VSS first.
        await cards(page).first().getByRole('heading', { name: 'BHXH Việt Nam' }).waitFor()
        const answered = page.waitForResponse((response) => new URL(response.url()).search.includes('near='))
        await button(page, 'Gần tôi').click()
        const answer = (await (await answered).json()) as OfficeListingPage
        await page.getByText('Kết quả đang được sắp xếp từ gần đến xa vị trí của bạn.').waitFor()
        const nearest = cards(page).first()
        await nearest.getByRole('heading', { name: 'BHXH cơ sở Ba Đình' }).waitFor()
        await nearest.getByText('Cách khoảng 0 km').waitFor()
        await nearest.getByText('Trực thuộc BHXH TP. Hà Nội').waitFor()
        expect(await nearest.getByRole('link', { name: 'Gọi số 024 3351 6039' }).getAttribute('href')).toBe(
          'tel:02433516039',
        )

        await openMap(page, answer.items)
        expect(await page.locator('.dirlookup-map__here').count()).toBe(1)
        // A marker's popup names the place, written as text.
        await page.locator('.dirlookup-map__place').first().dispatchEvent('click')
        await page.locator('.leaflet-popup-content').getByText('BHXH cơ sở Ba Đình').waitFor()
        await button(page, 'Ẩn bản đồ').click()
        expect(await page.locator('.dirlookup-map__place').count()).toBe(0)
        await button(page, 'Xem bản đồ').click()
        await page.locator('.dirlookup-map__place').first().waitFor()
        await expectNoSeriousViolations(page, 'offices look-up')
      })
    })

    it('phone: facilities by a name without accents, and a further page of those issuing sick leave', async () => {
      await withPhone(running, {}, async (page) => {
        await page.route('**/api/v1/app-config', (route) =>
          route.fulfill({
            json: { map: { tileUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png', attribution: '© Test' } },
          }),
        )
        await page.goto('/lookup/facilities')
        await heading(page, 'Tra cứu CSKCB ký hợp đồng KCB BHYT')
        await field(page, 'Tên cơ sở (có thể gõ không dấu)').fill('xanh pon')
        await button(page, 'Tra cứu').click()
        await expect.poll(() => cards(page).count()).toBe(1)
        await cards(page).getByRole('heading', { name: 'Bệnh viện Đa khoa Xanh Pôn' }).waitFor()
        // A tile server that does not answer: the marker stays and the note says the list is complete.
        await button(page, 'Xem bản đồ').click()
        await expect.poll(() => page.locator('.dirlookup-map__place').count()).toBe(1)
        await page.getByRole('status').filter({ hasText: noTilesNote }).waitFor()
        expect(await page.locator('.dirlookup-map .leaflet-tile').count()).toBeGreaterThan(0)

        await page.goto('/lookup/facilities?sickLeave=true')
        await heading(page, 'Tra cứu CSKCB cấp giấy nghỉ việc hưởng BHXH')
        expect(await page.getByLabel('Cấp giấy nghỉ việc hưởng BHXH').isChecked()).toBe(true)
        await page.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thành phố Hà Nội' })
        await button(page, 'Tra cứu').click()
        await expect.poll(() => cards(page).count()).toBe(20)
        await button(page, 'Tải thêm').click()
        await expect.poll(() => cards(page).count()).toBeGreaterThan(20)
        await expectNoSeriousViolations(page, 'facilities look-up')
      })
    })

    it('phone: an employer unit by part of its name, with its managing office and size', async () => {
      await withPhone(running, {}, async (page) => {
        await page.goto('/lookup/employers')
        await heading(page, 'Tra cứu đơn vị tham gia BHXH')
        await field(page, 'Mã đơn vị, mã số thuế hoặc tên đơn vị').fill('sg')
        await button(page, 'Tra cứu').click()
        await page.getByText('Nhập ít nhất 3 ký tự.').first().waitFor()
        await field(page, 'Mã đơn vị, mã số thuế hoặc tên đơn vị').fill('cang sai gon')
        await button(page, 'Tra cứu').click()
        const employer = cards(page).first()
        await employer.getByRole('heading', { name: 'Công ty Cổ phần Logistics Cảng Sài Gòn' }).waitFor()
        for (const text of ['ZA0004A', '0300000104', 'BHXH Quận 5', 'Dưới 10 người', 'Đang hoạt động'])
          await employer.getByText(text, { exact: true }).waitFor()
        await expectNoSeriousViolations(page, 'employers look-up')
      })
    })

    it('phone: the position refused, collection points nearest a chosen commune', async () => {
      await withPhone(running, {}, async (page) => {
        await page.goto('/lookup/collection-points')
        await heading(page, 'Tra cứu điểm thu, đại lý thu')
        await button(page, 'Gần tôi').click()
        await page.getByRole('alert').filter({ hasText: 'Không lấy được vị trí của thiết bị' }).waitFor()
        // Phường Cống Vị went partly to Phường Giảng Võ and partly to Phường Ngọc Hà (1 July 2025).
        const search = page.getByRole('combobox', { name: 'Tìm xã/phường theo tên mới hoặc tên cũ' })
        await search.fill('cong vi')
        await page.getByRole('status').filter({ hasText: '2 kết quả' }).waitFor()
        const giangVo = page.getByRole('option', { name: 'Phường Giảng Võ, Thành phố Hà Nội' })
        await giangVo.getByText('trước đây: Phường Cống Vị').waitFor()
        expect(await page.getByRole('listbox').getByRole('option').count()).toBe(2)
        await expectNoSeriousViolations(page, 'commune name search')
        await search.press('ArrowDown')
        expect(await search.getAttribute('aria-activedescendant')).toBe(await giangVo.getAttribute('id'))
        await search.press('Enter')
        expect(await search.getAttribute('aria-expanded')).toBe('false')
        const chosen = (label: string) =>
          field(page, label).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)
        await expect.poll(() => chosen('Tỉnh/thành phố')).toBe('Thành phố Hà Nội')
        await expect.poll(() => chosen('Xã/phường')).toBe('Phường Giảng Võ')
        // The lists stay the way to choose by hand.
        await page.getByLabel('Tỉnh/thành phố').selectOption({ label: 'Thành phố Hà Nội' })
        await field(page, 'Xã/phường').selectOption({ label: 'Phường Kim Liên' })
        const answered = page.waitForResponse((response) =>
          new URL(response.url()).search.includes('communeCode=00229'),
        )
        await button(page, 'Tra cứu').click()
        const answer = (await (await answered).json()) as CollectionPointListingPage
        const [first] = answer.items
        expect(first?.distanceKm).not.toBeNull()
        expect(answer.items.every((item) => item.provinceCode === '01')).toBe(true)
        await cards(page)
          .first()
          .getByRole('heading', { name: first?.name ?? '' })
          .waitFor()
        await cards(page)
          .first()
          .getByText(/^Cách khoảng [\d,]+ km$/)
          .waitFor()
        await openMap(page, answer.items)
        // Sorted from a commune, not the device: no "you are here".
        expect(await page.locator('.dirlookup-map__here').count()).toBe(0)
        await expectNoSeriousViolations(page, 'collection points look-up')
      })
    })
  },
)
