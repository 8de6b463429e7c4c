import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import sharp from 'sharp'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import {
  DECLARATION_TITLE,
  type DeclarationView,
  dossierQrModules,
  renderDeclarationPdf,
} from './declaration-pdf'

const sample: DeclarationView = {
  dossierNumber: '07915-2612-0000042',
  // 09:15 on 3 December 2026 in Vietnam.
  submittedAt: new Date('2026-12-03T02:15:00Z'),
  paperDeadline: '2026-12-18',
  bhxhCode: '7900012345',
  fullName: 'Nguyễn Thị Thu Hằng',
  idKind: 'personal_id',
  idNumber: '079176000417',
  address: 'Số 12 đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh',
  currentUnits: null,
  phone: '0912345678',
  email: 'thuhang@example.vn',
  contactChannel: 'sms',
  office: {
    code: '07915',
    name: 'BHXH Quận 5',
    address: 'Số 290 Cách Mạng Tháng Tám, Phường Chợ Quán, Thành phố Hồ Chí Minh',
    phone: '028 3950 8860',
    openingHours: 'Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:00–17:00',
    parentCode: '079',
    parentName: 'BHXH TP. Hồ Chí Minh',
  },
}

async function textOf(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(pdf))
  const { totalPages, text } = await extractText(document, { mergePages: true })
  return { pages: totalPages, text: text.normalize('NFC').replace(/\s+/g, ' ') }
}

describe('renderDeclarationPdf', () => {
  it('prints every field as text that copies out with its Vietnamese diacritics', async () => {
    const { pages, text } = await textOf(await renderDeclarationPdf(sample))
    expect(pages).toBe(1)
    for (const expected of [
      'Mẫu số 01',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      DECLARATION_TITLE,
      'Kính gửi: BHXH Quận 5',
      'Số hồ sơ: 07915-2612-0000042',
      'I. THÔNG TIN NGƯỜI ĐĂNG KÝ',
      'Nguyễn Thị Thu Hằng',
      '7900012345',
      'Số định danh cá nhân (CCCD)',
      '079176000417',
      'Số 12 đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh',
      '0912345678',
      'thuhang@example.vn',
      '☒ Đăng ký sử dụng phương thức giao dịch điện tử',
      '☐ Điều chỉnh thông tin',
      '☐ Ngừng sử dụng',
      'Nhận thông báo qua: Tin nhắn SMS',
      '[079] BHXH TP. Hồ Chí Minh → [07915] BHXH Quận 5',
      'Số 290 Cách Mạng Tháng Tám, Phường Chợ Quán, Thành phố Hồ Chí Minh',
      '028 3950 8860',
      'Thứ Hai – Thứ Sáu, 7:30–11:30 và 13:00–17:00',
      'Tôi cam đoan những nội dung kê khai trên là đúng sự thật và chịu trách nhiệm trước pháp luật về những nội dung đã kê khai.',
      'Ngày nộp trực tuyến: 03/12/2026 09:15',
      'mang cùng CCCD/hộ chiếu đến BHXH Quận 5 trước ngày 18/12/2026. Quá hạn, hồ sơ sẽ tự động bị hủy.',
      '……, ngày …… tháng …… năm ……',
      'NGƯỜI KÊ KHAI',
      '(Ký, ghi rõ họ tên)',
      'Tờ khai được tạo bởi Cổng dịch vụ công BHXH số – số hồ sơ 07915-2612-0000042',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('SMS và email')
    expect(text).not.toContain('Nay thuộc')
    expect(text).not.toMatch(/undefined|null|NaN/)
  })

  it('prints under an address in old units the current ones, every part of a split commune', async () => {
    // Long enough to wrap, so that the page holds the two rows at their tallest.
    const address =
      'Phòng 1205, Tòa nhà Hòa Bình, Số 106 ngõ 43 Phố Đội Cấn, Tổ dân phố số 7, Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội'
    const { pages, text } = await textOf(
      await renderDeclarationPdf({
        ...sample,
        address,
        currentUnits: {
          province: { code: '01', fullName: 'Thành phố Hà Nội' },
          communes: [
            { code: '00008', fullName: 'Phường Ngọc Hà' },
            { code: '00025', fullName: 'Phường Giảng Võ' },
          ],
          split: true,
          text: 'Phường Ngọc Hà hoặc Phường Giảng Võ, Thành phố Hà Nội',
        },
      }),
    )
    expect(pages).toBe(1)
    expect(text).toContain(
      `Địa chỉ liên hệ: ${address} Nay thuộc: Phường Ngọc Hà hoặc Phường Giảng Võ, Thành phố Hà Nội Số điện thoại di động`,
    )
  })

  it('is a PDF with its fonts embedded, its metadata set and the same bytes for the same view', async () => {
    const pdf = await renderDeclarationPdf(sample)
    const raw = pdf.toString('latin1')
    expect(raw.startsWith('%PDF-')).toBe(true)
    expect(raw).toContain('/FontFile2')
    expect(raw).toContain('/ToUnicode')
    const document = await getDocumentProxy(new Uint8Array(pdf))
    const info: Record<string, unknown> = { ...(await document.getMetadata()).info }
    expect(info.Author).toBe('BHXH Việt Nam')
    expect(info.Title).toContain('07915-2612-0000042')
    expect(info.CreationDate).toBe('D:20261203021500Z')
    expect((await renderDeclarationPdf(sample)).equals(pdf)).toBe(true)
  })

  it('says "Không có" without an e-mail, and names the passport and the e-mail channel', async () => {
    const { text } = await textOf(
      await renderDeclarationPdf({
        ...sample,
        email: null,
        idKind: 'passport',
        idNumber: 'C1234567',
        contactChannel: 'email',
      }),
    )
    expect(text).toContain('Email: Không có')
    expect(text).toContain('Số hộ chiếu: C1234567')
    expect(text).not.toContain('Số định danh cá nhân')
    expect(text).toContain('Nhận thông báo qua: Tin nhắn SMS và email')
    expect(text).not.toMatch(/undefined|null/)
  })

  it('names a legacy ID, and an office without a parent or contact details by itself', async () => {
    const office = {
      ...sample.office,
      parentCode: null,
      parentName: null,
      address: null,
      phone: null,
      openingHours: null,
    }
    const { text } = await textOf(
      await renderDeclarationPdf({ ...sample, idKind: 'legacy_id', idNumber: '025123456', office }),
    )
    expect(text).toContain('Số CMND: 025123456')
    expect(text).toContain('Cơ quan tiếp nhận: [07915] BHXH Quận 5')
    expect(text).not.toContain('→')
    expect(text).not.toMatch(/undefined|null/)
  })

  it('stays on one page when a long address wraps, and prints decomposed input as NFC', async () => {
    const address =
      'Căn hộ 12.05, Tòa nhà Sunrise Riverside, Số 123/45/6 đường Nguyễn Hữu Thọ, Khu dân cư Phú Mỹ Hưng mở rộng, Phường Tân Hưng, Thành phố Hồ Chí Minh'
    const { pages, text } = await textOf(
      await renderDeclarationPdf({ ...sample, address, fullName: sample.fullName.normalize('NFD') }),
    )
    expect(pages).toBe(1)
    expect(text).toContain(address)
    expect(text).toContain('Họ và tên: Nguyễn Thị Thu Hằng')
  })
})

describe('dossierQrModules', () => {
  it('encodes the dossier number, which a scanner reads back from the squares the PDF draws', async () => {
    // zxing-wasm fetches its .wasm from a CDN by default; the test must work offline.
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm) }, fireImmediately: true })
    const modules = dossierQrModules(sample.dossierNumber)
    // The squares as the page has them: 8 pixels a module, a quiet zone of one module.
    const scale = 8
    const side = (modules.length + 2) * scale
    const pixels = Buffer.alloc(side * side, 255)
    for (const [r, row] of modules.entries()) {
      for (const [c, dark] of row.entries()) {
        if (!dark) continue
        for (let y = (r + 1) * scale; y < (r + 2) * scale; y += 1)
          pixels.fill(0, y * side + (c + 1) * scale, y * side + (c + 2) * scale)
      }
    }
    const png = await sharp(pixels, { raw: { width: side, height: side, channels: 1 } })
      .png()
      .toBuffer()
    const [decoded, ...others] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] })
    expect(others).toHaveLength(0)
    expect(decoded?.text).toBe(sample.dossierNumber)
  })
})
