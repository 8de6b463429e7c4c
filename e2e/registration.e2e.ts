import {
  dossierConditionLabels,
  dossierStatusLabels,
  generateHealthCardQr,
  photoErrorsVi,
} from '@ansinh/domain'
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { extractText, getDocumentProxy } from 'unpdf'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeViolations, runAxe, seriousViolations } from './support/axe'
import { type Device, hasChromium, newContext } from './support/browser'
import { otpFromOutbox } from './support/citizen'
import { useServerAndBrowser } from './support/journey'

// Journey: registering for an e-transaction account (đăng ký giao dịch điện tử) in the citizen app.
// The form is filled from the QR codes of a BHYT card and a chip CCCD, three photos are attached, the
// suggested office is kept, the OTP comes from the dev outbox, and the declaration PDF and the public
// status check show the new dossier. Then the ways it can go wrong, each keeping what was typed.

type Person = { bhxhCode: string; fullName: string; personalId: string; phone: string }

// People with no account yet (the demo citizen 7900012345 has one: see the CONFLICT test below).
const adults: Record<Device, Person> = {
  phone: {
    bhxhCode: '7900098761',
    fullName: 'Trần Thị Ngọc Ánh',
    personalId: '079188000561',
    phone: '0901234561',
  },
  desktop: {
    bhxhCode: '7900098762',
    fullName: 'Lê Văn Đức',
    personalId: '079085000562',
    phone: '0901234562',
  },
}
const devices: Device[] = ['phone', 'desktop']
const street = 'Số 125 Đường Trần Hưng Đạo'
const printedAddress = `${street}, Phường Chợ Quán, Thành phố Hồ Chí Minh`
const hcmc = '79'
const choQuan = '27301'
const quan5 = '07915'

// ---------------------------------------------------------------------------------------------
// Test material: QR pictures and photos made here, so that nothing depends on files on disk.

async function healthCardQrPng(person: Person): Promise<Buffer> {
  const payload = generateHealthCardQr({
    bhxhCode: person.bhxhCode,
    fullName: person.fullName.toLocaleUpperCase('vi'),
    dateOfBirth: { year: 1988, month: 5, day: 14 },
    gender: 'female',
    address: printedAddress,
    primaryFacilityCode: '79024',
    validFrom: '2026-01-01',
    issuedOn: '2025-12-20',
  })
  return QRCode.toBuffer(payload, { type: 'png', width: 420, margin: 4 })
}

async function citizenIdQrPng(person: Person): Promise<Buffer> {
  // Circular 06/2021 layout: ID | old CMND | NAME | ddmmyyyy | sex | address | issue date.
  const payload = [
    person.personalId,
    '',
    person.fullName.toLocaleUpperCase('vi'),
    '14051988',
    'Nữ',
    printedAddress,
    '15082021',
  ].join('|')
  return QRCode.toBuffer(payload, { type: 'png', width: 420, margin: 4 })
}

async function jpeg(width: number, height: number, color: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg({ quality: 80 })
    .toBuffer()
}

type Photos = { portrait: Buffer; idFront: Buffer; idBack: Buffer }
let photos: Photos

// ---------------------------------------------------------------------------------------------
// Steps, as a person does them

async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const serious = seriousViolations(await runAxe(page))
  expect(serious, `${where}\n${describeViolations(serious)}`).toEqual([])
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor()
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

/** Each labelled field holds its value (the label names the failing one). */
async function expectValues(page: Page, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values)) {
    expect(await field(page, label).inputValue(), label).toBe(value)
  }
}

const pathOf = (page: Page) => new URL(page.url()).pathname

/** Opens the form and fills step 1 by hand, then goes on. */
async function infoStepByHand(page: Page, person: Person, phone = person.phone): Promise<void> {
  await page.goto('/register/info')
  await heading(page, 'Thông tin người đăng ký')
  await field(page, 'Mã số BHXH').fill(person.bhxhCode)
  await field(page, 'Họ và tên').fill(person.fullName)
  await field(page, 'Số CCCD (12 chữ số)').fill(person.personalId)
  await field(page, 'Tỉnh/thành phố').selectOption(hcmc)
  await chooseCommune(page)
  await field(page, 'Số nhà, tên đường (thôn, xóm)').fill(street)
  await field(page, 'Số điện thoại di động').fill(phone)
  await next(page)
}

async function chooseCommune(page: Page): Promise<void> {
  // The communes arrive from the directory once the province is chosen.
  await page.locator(`#reg-address-communeCode option[value="${choQuan}"]`).waitFor({ state: 'attached' })
  await field(page, 'Xã/phường').selectOption(choQuan)
}

async function next(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tiếp', exact: true }).click()
}

async function pickPhoto(page: Page, kind: keyof Photos, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId(`photo-${kind}-file`).setInputFiles(file(name, buffer))
}

async function attachPhotos(page: Page): Promise<void> {
  await pickPhoto(page, 'portrait', 'chan-dung.jpg', photos.portrait)
  await pickPhoto(page, 'idFront', 'cccd-truoc.jpg', photos.idFront)
  await pickPhoto(page, 'idBack', 'cccd-sau.jpg', photos.idBack)
  await expect.poll(() => previewCount(page)).toBe(3)
}

function file(name: string, buffer: Buffer, mimeType = 'image/jpeg') {
  return { name, mimeType, buffer }
}

function previewCount(page: Page): Promise<number> {
  return page.locator('.reg-photo img').count()
}

async function keepSuggestedOffice(page: Page): Promise<void> {
  await heading(page, 'Cơ quan BHXH tiếp nhận')
  await page.getByText('Gợi ý: cơ quan BHXH gần địa chỉ của bạn').waitFor()
  expect(await field(page, 'Cơ quan BHXH tiếp nhận').inputValue()).toBe(quan5)
  await page.getByText('[079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5').first().waitFor()
}

async function submitOnReview(page: Page): Promise<void> {
  await heading(page, 'Kiểm tra và gửi hồ sơ')
  await page.getByLabel(/^Tôi cam đoan những nội dung kê khai là đúng sự thật/).check()
  await page.getByRole('button', { name: 'Gửi hồ sơ', exact: true }).click()
}

/** Fills every step by hand and sends the form (used by the tests of what can go wrong). */
async function sendByHand(page: Page, person: Person, phone = person.phone): Promise<void> {
  await infoStepByHand(page, person, phone)
  await heading(page, 'Ảnh chân dung và giấy tờ')
  await attachPhotos(page)
  await next(page)
  await keepSuggestedOffice(page)
  await next(page)
  await submitOnReview(page)
}

async function otpPanel(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Xác thực bằng mã OTP' }).waitFor()
}

async function registerUpToOtp(page: Page, person: Person): Promise<void> {
  await sendByHand(page, person)
  await otpPanel(page)
}

async function confirmOtp(page: Page, code: string): Promise<void> {
  await field(page, 'Mã OTP').fill(code)
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
}

const wrongCode = (right: string) => (right === '000000' ? '111111' : '000000')

async function shownDossierNumber(page: Page): Promise<string> {
  return ((await page.locator('#reg-dossier-number').textContent()) ?? '').trim()
}

async function searchStatus(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tra cứu', exact: true }).click()
}

async function declarationText(request: APIRequestContext, href: string): Promise<string> {
  const response = await request.get(href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^application\/pdf/)
  const document = await getDocumentProxy(new Uint8Array(await response.body()))
  const { text } = await extractText(document, { mergePages: true })
  return text.normalize('NFC')
}

async function withContext(
  browser: Browser,
  device: Device,
  baseURL: string,
  run: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  // bypassCSP lets axe-core's <script> in; the pages themselves run under the real policy in home.e2e.ts.
  const context = await newContext(browser, device, { baseURL, bypassCSP: true })
  try {
    await run(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

describe.skipIf(!hasChromium())('registration: an e-transaction account from the citizen app', () => {
  // The journeys send more OTP attempts in a minute than the per-IP budget of a real client allows.
  const running = useServerAndBrowser({ env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })

  beforeAll(async () => {
    photos = {
      portrait: await jpeg(600, 800, '#4a6fa5'),
      idFront: await jpeg(856, 540, '#2e7d32'),
      idBack: await jpeg(856, 540, '#6d4c41'),
    }
  })

  for (const device of devices) {
    it(`${device}: registers an adult from the BHYT and CCCD QR codes, confirms with the OTP and checks the dossier`, async () => {
      const person = adults[device]
      await withContext(running.browser, device, running.server.baseUrl, async (page, context) => {
        await page.goto('/')
        await page.getByRole('link', { name: 'Đăng ký', exact: true }).click()
        await heading(page, 'Thông tin người đăng ký')
        expect(pathOf(page)).toBe('/register/info')
        await page.getByText('Bước 1/5').waitFor({ state: 'attached' })
        await expectNoSeriousViolations(page, 'info')

        // Step 1 from the two cards: names come in capitals and are written as names.
        await page
          .getByTestId('qr-health-card')
          .setInputFiles(file('the-bhyt.png', await healthCardQrPng(person), 'image/png'))
        await page.getByText('Đã điền mã số BHXH và họ tên từ thẻ BHYT').waitFor()
        await expectValues(page, { 'Mã số BHXH': person.bhxhCode, 'Họ và tên': person.fullName })
        await page
          .getByTestId('qr-citizen-id')
          .setInputFiles(file('cccd.png', await citizenIdQrPng(person), 'image/png'))
        await page.getByText('Đã điền số CCCD, họ tên và địa chỉ in trên thẻ').waitFor()
        expect(await page.getByRole('radio', { name: 'CCCD', exact: true }).isChecked()).toBe(true)
        await expectValues(page, {
          'Số CCCD (12 chữ số)': person.personalId,
          'Số nhà, tên đường (thôn, xóm)': printedAddress,
          'Tỉnh/thành phố': hcmc,
        })
        await chooseCommune(page)
        await field(page, 'Số nhà, tên đường (thôn, xóm)').fill(street)
        await field(page, 'Số điện thoại di động').fill(person.phone)
        await next(page)

        // Step 2.
        await heading(page, 'Ảnh chân dung và giấy tờ')
        expect(pathOf(page)).toBe('/register/photos')
        await page.getByText('Bước 2/5').waitFor({ state: 'attached' })
        await attachPhotos(page)
        await expectNoSeriousViolations(page, 'photos')
        await next(page)

        // Step 3: the office that serves Phường Chợ Quán is suggested and chosen.
        await keepSuggestedOffice(page)
        await page.getByText('Số 290 Cách Mạng Tháng Tám').first().waitFor()
        expect(await page.getByRole('radio', { name: /Tin nhắn SMS/ }).isChecked()).toBe(true)
        expect(await page.getByRole('radio', { name: /E-mail/ }).isDisabled()).toBe(true)
        await expectNoSeriousViolations(page, 'office')
        await next(page)

        // Step 4: everything once more, then the OTP.
        await heading(page, 'Kiểm tra và gửi hồ sơ')
        await page.getByText(person.fullName, { exact: true }).waitFor()
        await page.getByText(`${street}, Phường Chợ Quán, Thành phố Hồ Chí Minh`).waitFor()
        expect(await page.locator('.reg-review__photo img').count()).toBe(3)
        await expectNoSeriousViolations(page, 'review')
        await submitOnReview(page)
        const masked = `${person.phone.slice(0, 3)}****${person.phone.slice(7)}`
        await page
          .getByText(
            new RegExp(
              `^Mã OTP đã được gửi tới ${masked.replace(/\*/g, '\\*')}, hiệu lực đến \\d{2}:\\d{2}\\.$`,
            ),
          )
          .waitFor()
        expect(await field(page, 'Mã OTP').getAttribute('autocomplete')).toBe('one-time-code')
        expect(await field(page, 'Mã OTP').getAttribute('inputmode')).toBe('numeric')
        expect(await page.getByRole('button', { name: /^Gửi lại mã sau \d+ giây$/ }).isDisabled()).toBe(true)
        await expectNoSeriousViolations(page, 'otp')
        await confirmOtp(page, await otpFromOutbox(context.request, person.phone))

        // Step 5.
        await heading(page, 'Đã gửi hồ sơ đăng ký')
        expect(pathOf(page)).toBe('/register/done')
        const dossierNumber = await shownDossierNumber(page)
        expect(dossierNumber).toMatch(/^07915-\d{4}-\d{7}$/)
        await page
          .getByText(/^Mang tờ khai đã ký và CCCD đến BHXH Quận 5 trước ngày \d{2}\/\d{2}\/\d{4}\.$/)
          .waitFor()
        await page.getByText('028 3950 8860').waitFor()
        await expectNoSeriousViolations(page, 'done')
        // The draft is gone from the device once the dossier exists.
        expect(await page.evaluate(() => localStorage.getItem('ansinh.registration.draft.v1'))).toBeNull()

        const declaration = page.getByRole('link', { name: 'Xem tờ khai' })
        expect(await declaration.getAttribute('download')).not.toBeNull()
        const text = await declarationText(context.request, (await declaration.getAttribute('href')) ?? '')
        expect(text).toContain(dossierNumber)
        expect(text.replace(/\s+/g, ' ')).toContain(person.fullName)

        // The public status check, opened from the done screen, looks the dossier up at once.
        await page.getByRole('link', { name: 'Tra cứu trạng thái hồ sơ' }).click()
        await heading(page, 'Tra cứu hồ sơ đăng ký')
        const result = page.locator('.reg-status__result')
        await result.getByText(dossierStatusLabels.vi.pending, { exact: true }).waitFor()
        await result.getByText(dossierConditionLabels.vi.awaiting_paper, { exact: true }).waitFor()
        expect(dossierStatusLabels.vi.pending).toBe('Chờ duyệt')
        expect(dossierConditionLabels.vi.awaiting_paper).toBe('Chờ nộp hồ sơ giấy')
        // …and the device remembers it, with its live status.
        const mine = page.getByRole('region', { name: 'Hồ sơ của bạn trên thiết bị này' })
        await mine.getByRole('heading', { name: dossierNumber }).waitFor()
        await mine.getByText('Chờ duyệt', { exact: true }).waitFor()
        await expectNoSeriousViolations(page, 'status')

        // A wrong phone finds nothing, and says so.
        await field(page, 'Số điện thoại di động').fill('0987654321')
        await searchStatus(page)
        await page.getByText('Không tìm thấy hồ sơ với số hồ sơ và số điện thoại này.').waitFor()
      })
    })
  }

  it('info step: a 9-digit BHXH code and a bad phone are refused with their messages, keeping the rest', async () => {
    const person: Person = {
      bhxhCode: '790009876',
      fullName: 'Phạm Quốc Bảo',
      personalId: '079090000563',
      phone: '0123',
    }
    await withContext(running.browser, 'phone', running.server.baseUrl, async (page) => {
      await infoStepByHand(page, person)
      const summary = page.getByRole('alert').filter({ hasText: 'Vui lòng kiểm tra lại các mục sau:' })
      await summary.waitFor()
      await expect.poll(() => summary.evaluate((node) => node === document.activeElement)).toBe(true)
      await summary.getByText('Mã số BHXH: Mã số BHXH phải gồm đúng 10 chữ số.').waitFor()
      await summary.getByText(/^Số điện thoại di động: Số điện thoại di động không hợp lệ/).waitFor()
      const code = field(page, 'Mã số BHXH')
      expect(await code.getAttribute('aria-invalid')).toBe('true')
      const describedBy = (await code.getAttribute('aria-describedby')) ?? ''
      expect(await page.locator(`[id="${describedBy.split(' ').pop()}"]`).textContent()).toBe(
        'Mã số BHXH phải gồm đúng 10 chữ số.',
      )
      expect(pathOf(page)).toBe('/register/info')
      // Nothing typed was lost.
      await expectValues(page, {
        'Mã số BHXH': '790009876',
        'Họ và tên': person.fullName,
        'Số CCCD (12 chữ số)': person.personalId,
        'Tỉnh/thành phố': hcmc,
        'Xã/phường': choQuan,
        'Số nhà, tên đường (thôn, xóm)': street,
        'Số điện thoại di động': '0123',
      })
      await expectNoSeriousViolations(page, 'info with errors')

      // Fixing the code clears its message as it is typed; the phone's stays until it is fixed too.
      await code.fill('7900098763')
      await summary.getByText(/^Mã số BHXH:/).waitFor({ state: 'detached' })
      await page
        .getByText(/^Số điện thoại di động không hợp lệ/)
        .first()
        .waitFor()
      await next(page)
      expect(pathOf(page)).toBe('/register/info')
      await field(page, 'Số điện thoại di động').fill('0901234563')
      await next(page)
      await heading(page, 'Ảnh chân dung và giấy tờ')
    })
  })

  it('photos: a photo over 10 MB and a text file named .jpg are refused at once; a reload keeps fields and photos', async () => {
    const person: Person = {
      bhxhCode: '7900098764',
      fullName: 'Võ Thị Hồng Nhung',
      personalId: '079189000564',
      phone: '0901234564',
    }
    await withContext(running.browser, 'phone', running.server.baseUrl, async (page) => {
      await infoStepByHand(page, person)
      await heading(page, 'Ảnh chân dung và giấy tờ')
      await pickPhoto(page, 'portrait', 'chan-dung.jpg', photos.portrait)
      await expect.poll(() => previewCount(page)).toBe(1)

      // A real JPEG start, then padding past the limit: refused for its size before anything else.
      const huge = Buffer.concat([photos.idFront, Buffer.alloc(10 * 1024 * 1024 + 1 - photos.idFront.length)])
      await pickPhoto(page, 'idFront', 'to-qua.jpg', huge)
      await page.getByRole('alert').getByText(photoErrorsVi.tooLarge, { exact: true }).waitFor()
      expect(photoErrorsVi.tooLarge).toBe('Ảnh quá lớn: tối đa 10 MB.')
      const notAnImage = Buffer.from('Đây là một tệp văn bản, không phải ảnh.\n')
      await pickPhoto(page, 'idBack', 'khong-phai-anh.jpg', notAnImage)
      await page.getByRole('alert').getByText(photoErrorsVi.notAnImage, { exact: true }).waitFor()
      expect(await page.getByTestId('photo-idBack-file').getAttribute('aria-invalid')).toBe('true')
      // The portrait chosen before is still there; nothing else was kept.
      expect(await previewCount(page)).toBe(1)
      await expectNoSeriousViolations(page, 'photos with errors')

      await pickPhoto(page, 'idFront', 'cccd-truoc.jpg', photos.idFront)
      await expect.poll(() => previewCount(page)).toBe(2)

      // Reload in the middle: the fields (localStorage) and the photos (IndexedDB) come back.
      await page.reload()
      await heading(page, 'Ảnh chân dung và giấy tờ')
      await expect.poll(() => previewCount(page)).toBe(2)
      await page.getByRole('link', { name: 'Quay lại' }).click()
      await heading(page, 'Thông tin người đăng ký')
      await expectValues(page, {
        'Mã số BHXH': person.bhxhCode,
        'Họ và tên': person.fullName,
        'Xã/phường': choQuan,
        'Số điện thoại di động': person.phone,
      })

      // "Xóa và làm lại" forgets it all, on request.
      await page.getByRole('button', { name: 'Xóa và làm lại' }).click()
      await page.getByRole('button', { name: 'Xóa hết' }).click()
      await expect.poll(() => field(page, 'Mã số BHXH').inputValue()).toBe('')
      expect(await page.evaluate(() => localStorage.getItem('ansinh.registration.draft.v1'))).toBeNull()
      await page.goto('/register/photos')
      await heading(page, 'Thông tin người đăng ký')
    })
  })

  it('a phone already used by another dossier sends the person back to the phone field, keeping the rest', async () => {
    const person: Person = {
      bhxhCode: '7900098765',
      fullName: 'Đặng Minh Tâm',
      personalId: '079092000565',
      // The phone of the dossier of the first journey, with another BHXH code.
      phone: adults.phone.phone,
    }
    await withContext(running.browser, 'desktop', running.server.baseUrl, async (page) => {
      await sendByHand(page, person)

      await heading(page, 'Thông tin người đăng ký')
      expect(pathOf(page)).toBe('/register/info')
      const phone = field(page, 'Số điện thoại di động')
      expect(await phone.getAttribute('aria-invalid')).toBe('true')
      await page
        .locator('#reg-phone-error')
        .getByText(/^Số điện thoại này đã được dùng/)
        .waitFor()
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert')
      await expectValues(page, {
        'Số điện thoại di động': person.phone,
        'Mã số BHXH': person.bhxhCode,
        'Họ và tên': person.fullName,
        'Số nhà, tên đường (thôn, xóm)': street,
      })
      await expectNoSeriousViolations(page, 'info with the server error')

      // Another phone, and on: photos and office are still chosen.
      await phone.fill('0901234565')
      await page.locator('#reg-phone-error').waitFor({ state: 'detached' })
      await next(page)
      await expect.poll(() => previewCount(page)).toBe(3)
      await next(page)
      await keepSuggestedOffice(page)
      await next(page)
      await submitOnReview(page)
      await otpPanel(page)
    })
  })

  it('five wrong OTPs void the request; "Gửi lại hồ sơ và nhận mã mới" sends it again and the right code confirms', async () => {
    const person: Person = {
      bhxhCode: '7900098766',
      fullName: 'Hoàng Thị Thanh Hương',
      personalId: '079190000566',
      phone: '0901234566',
    }
    await withContext(running.browser, 'phone', running.server.baseUrl, async (page, context) => {
      await registerUpToOtp(page, person)
      const seen = new Set<string>()
      const first = await otpFromOutbox(context.request, person.phone, seen)
      const wrong = wrongCode(first)
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        await confirmOtp(page, wrong)
        await page
          .locator('#reg-otp-error')
          .getByText(new RegExp(`còn ${5 - attempt} lần`))
          .waitFor()
        expect(await field(page, 'Mã OTP').getAttribute('aria-invalid')).toBe('true')
      }
      await confirmOtp(page, wrong)
      const resubmit = page.getByRole('button', { name: 'Gửi lại hồ sơ và nhận mã mới' })
      await resubmit.waitFor()
      const alert = page.getByRole('alert').filter({ has: resubmit })
      expect(await alert.textContent()).toMatch(/quá số lần cho phép|nhập sai/i)
      await expectNoSeriousViolations(page, 'otp exhausted')

      await resubmit.click()
      await otpPanel(page)
      await field(page, 'Mã OTP').waitFor()
      const second = await otpFromOutbox(context.request, person.phone, seen)
      await confirmOtp(page, second)
      await heading(page, 'Đã gửi hồ sơ đăng ký')
      expect(await shownDossierNumber(page)).toMatch(/^07915-\d{4}-\d{7}$/)
    })
  })

  it('a second registration for a code with a pending dossier warns, before the OTP, that it replaces it', async () => {
    await withContext(running.browser, 'phone', running.server.baseUrl, async (page) => {
      await registerUpToOtp(page, adults.desktop)
      await page
        .getByText(
          'Mã số BHXH này đang có một hồ sơ đăng ký chờ duyệt. Khi bạn xác nhận, hồ sơ cũ sẽ được thay bằng hồ sơ này.',
        )
        .waitFor()
      // Reloading while the code is on its way keeps the request: the OTP panel comes back.
      await page.reload()
      await otpPanel(page)
      await field(page, 'Mã OTP').waitFor()
    })
  })

  it('a BHXH code that already has an account: the server says so, on the BHXH code field', async () => {
    const citizen: Person = {
      bhxhCode: '7900012345',
      fullName: 'Nguyễn Thị Thu Hằng',
      personalId: '079176000417',
      phone: '0901234567',
    }
    await withContext(running.browser, 'desktop', running.server.baseUrl, async (page) => {
      await sendByHand(page, citizen, '0901234568')
      await heading(page, 'Thông tin người đăng ký')
      await page
        .getByRole('alert')
        .getByText(/^Mã số BHXH này đã có tài khoản giao dịch điện tử\. Vui lòng đăng nhập/)
        .waitFor()
      await page
        .locator('#reg-bhxhCode-error')
        .getByText('Mã số BHXH này đã có tài khoản giao dịch điện tử.')
        .waitFor()
      expect(await field(page, 'Họ và tên').inputValue()).toBe(citizen.fullName)
    })
  })

  it('the status check refuses a malformed dossier number and is reachable from the home screen', async () => {
    await withContext(running.browser, 'phone', running.server.baseUrl, async (page) => {
      await page.goto('/')
      await page.getByRole('link', { name: 'Tra cứu hồ sơ đăng ký' }).click()
      await heading(page, 'Tra cứu hồ sơ đăng ký')
      await field(page, 'Số hồ sơ').fill('123')
      await field(page, 'Số điện thoại di động').fill(adults.phone.phone)
      await searchStatus(page)
      await page.getByText('Số hồ sơ: Số hồ sơ không đúng định dạng (ví dụ 07915-2612-0000042).').waitFor()
      expect(await field(page, 'Số hồ sơ').getAttribute('aria-invalid')).toBe('true')
      await page.getByText('Chưa có hồ sơ nào được gửi từ thiết bị này.').waitFor()
      await expectNoSeriousViolations(page, 'status with errors')
    })
  })
})
