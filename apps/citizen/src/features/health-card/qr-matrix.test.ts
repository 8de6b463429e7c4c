import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { generateHealthCardQr, type HealthCardQrInput } from '@ansinh/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { type QrMatrix, qrMatrix, qrPath, quietZoneModules } from './qr-matrix'

const pixelsPerModule = 4

/**
 * Paints the SVG path the card draws (only the `M x y h w v 1 h -w z` runs that `qrPath` writes)
 * onto a white RGBA bitmap, as a screen would show it; anything else in the path fails the test.
 */
function rasterize(path: string, size: number) {
  const width = size * pixelsPerModule
  const data = new Uint8ClampedArray(width * width * 4).fill(255)
  const runs = path.match(/M\d+ \d+h\d+v1h-\d+z/g) ?? []
  expect(runs.join('')).toBe(path)
  for (const run of runs) {
    const [x, y, w] = (/^M(\d+) (\d+)h(\d+)/.exec(run) ?? []).slice(1).map(Number) as [number, number, number]
    for (let row = y * pixelsPerModule; row < (y + 1) * pixelsPerModule; row += 1) {
      for (let column = x * pixelsPerModule; column < (x + w) * pixelsPerModule; column += 1) {
        const at = (row * width + column) * 4
        data[at] = 0
        data[at + 1] = 0
        data[at + 2] = 0
      }
    }
  }
  return { data, width, height: width, colorSpace: 'srgb' as const }
}

/** What a scanner reads from the drawn code: each symbol's text and error correction level. */
async function scan(matrix: QrMatrix): Promise<{ text: string; ecLevel: string }[]> {
  const results = await readBarcodes(rasterize(qrPath(matrix), matrix.size) as unknown as ImageData, {
    formats: ['QRCode'],
    textMode: 'Plain',
  })
  return results.filter((result) => result.isValid).map(({ text, ecLevel }) => ({ text, ecLevel }))
}

const demoCard: HealthCardQrInput = {
  bhxhCode: '7900012345',
  fullName: 'Nguyễn Thị Thu Hằng',
  dateOfBirth: { year: 1976, month: 3, day: 12 },
  gender: 'female',
  address: 'Số 125 Đường Trần Hưng Đạo, Phường Chợ Quán, Thành phố Hồ Chí Minh',
  primaryFacilityCode: '79024',
  validFrom: '2020-01-01',
  validTo: null,
  issuedOn: '2021-06-01',
  managingCode: '79157900012345',
  fiveYearsContinuousFrom: '2025-03-01',
  issuingPlace: 'Bảo hiểm xã hội Quận 5, Thành phố Hồ Chí Minh',
}

const cards: [string, HealthCardQrInput][] = [
  [
    'a card with no address, end date or five-years date (fields left "-")',
    {
      bhxhCode: '0111077012',
      fullName: 'Lê Gia Bảo',
      dateOfBirth: { year: 2014 },
      gender: 'male',
      primaryFacilityCode: '01C54',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      issuedOn: '2026-01-01',
    },
  ],
  ['the demo citizen’s card (new template, no end date)', demoCard],
  [
    'a long address and a guardian, the largest payloads the card carries',
    {
      ...demoCard,
      address:
        'Căn hộ 12.05, Tòa nhà Sunrise Riverside, Số 123/45/6 đường Nguyễn Hữu Thọ, Khu dân cư Phú Mỹ Hưng mở rộng, Phường Tân Hưng, Thành phố Hồ Chí Minh',
      guardianName: 'Nguyễn Thị Thu Hằng',
    },
  ],
]

describe('the health card QR code', () => {
  beforeAll(async () => {
    // zxing-wasm fetches its .wasm from a CDN by default; the test must work offline.
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm) }, fireImmediately: true })
  })

  it.each(cards)('decodes back to the payload exactly, at level M: %s', async (_, card) => {
    const payload = generateHealthCardQr(card)
    expect(await scan(qrMatrix(payload))).toEqual([{ text: payload, ecLevel: 'M' }])
  })

  it('keeps a light quiet zone of four modules on every side', () => {
    const { size, rows } = qrMatrix(generateHealthCardQr(demoCard))
    expect(rows).toHaveLength(size)
    for (const [y, row] of rows.entries()) {
      expect(row).toHaveLength(size)
      for (const [x, dark] of row.entries()) {
        const inQuietZone = Math.min(x, y, size - 1 - x, size - 1 - y) < quietZoneModules
        if (inQuietZone) expect(dark, `${x},${y}`).toBe(false)
      }
    }
  })
})
