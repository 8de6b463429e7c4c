import { createHash, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { crc32 } from 'node:zlib'
import { ImageType, MAX_PHOTO_BYTES, sniffImageType } from '@ansinh/domain'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PhotoRejected, type PhotoRejection, processPhoto } from './photos'

const plain = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })

// The types ask for a background even when noise fills every pixel.
const noisy = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#000',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })

/** A PNG whose header claims `width`×`height` and carries no pixels: what a decompression bomb declares. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IEND', Buffer.alloc(0))])
}

async function rejection(bytes: Buffer): Promise<PhotoRejection | 'accepted'> {
  try {
    await processPhoto(bytes)
    return 'accepted'
  } catch (error) {
    if (error instanceof PhotoRejected) return error.reason
    throw error
  }
}

const sideOf = async (jpeg: Buffer) => {
  const { width = 0, height = 0 } = await sharp(jpeg).metadata()
  return { width, height }
}

describe('processPhoto: refused files', async () => {
  const jpeg = await noisy(64, 64).jpeg().toBuffer()
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const tooLarge = Buffer.alloc(MAX_PHOTO_BYTES + 1)
  tooLarge.set([0xff, 0xd8, 0xff, 0xe0])

  it.each<{ name: string; bytes: Buffer; reason: PhotoRejection }>([
    { name: 'an empty file', bytes: Buffer.alloc(0), reason: 'notAnImage' },
    {
      name: 'a text file named photo.jpg',
      bytes: Buffer.from('Xin chào, đây không phải là ảnh.\n'),
      reason: 'notAnImage',
    },
    {
      name: 'a PDF',
      bytes: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      reason: 'notAnImage',
    },
    { name: 'a JPEG cut after 200 bytes', bytes: jpeg.subarray(0, 200), reason: 'unreadable' },
    {
      name: 'a JPEG without its second half',
      bytes: jpeg.subarray(0, jpeg.length / 2),
      reason: 'unreadable',
    },
    {
      name: 'a PNG signature followed by random bytes',
      bytes: Buffer.concat([png, randomBytes(4096)]),
      reason: 'unreadable',
    },
    {
      name: 'a PNG header claiming 100 megapixels',
      bytes: pngHeaderOnly(10_000, 10_000),
      reason: 'unreadable',
    },
    { name: '10 MB + 1 byte starting like a JPEG', bytes: tooLarge, reason: 'tooLarge' },
  ])('$name → $reason', async ({ bytes, reason }) => {
    expect(await rejection(bytes)).toBe(reason)
  })

  it('keeps the decoder error as the cause, for the log', async () => {
    const error = await processPhoto(jpeg.subarray(0, 200)).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PhotoRejected)
    expect((error as PhotoRejected).cause).toBeInstanceOf(Error)
  })
})

describe('processPhoto: accepted photos', () => {
  it('strips EXIF (GPS, camera), XMP and ICC, and bakes in the orientation', async () => {
    const input = await noisy(300, 200)
      .withIccProfile('p3')
      .withMetadata({ orientation: 6 }) // sharp writes this tag itself; withExif's Orientation is replaced
      .withExif({
        IFD0: { Orientation: '6', Make: 'TestCam' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '10/1 45/1 0/1' },
      })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/>TestCamXmp</x:xmpmeta>')
      .jpeg()
      .toBuffer()
    const before = await sharp(input).metadata()
    expect(before.exif).toBeDefined() // the fixture does carry what must go
    expect(before.orientation).toBe(6)
    expect(input.includes('TestCam')).toBe(true)

    const photo = await processPhoto(input)

    const after = await sharp(photo.jpeg).metadata()
    expect(after).toMatchObject({ format: 'jpeg', width: 200, height: 300 })
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.iptc).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect(photo.jpeg.includes('TestCam')).toBe(false)
    expect(photo.thumbnail.includes('TestCam')).toBe(false)
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 200, height: 300 })
    expect(photo.sourceType).toBe(ImageType.Jpeg)
  })

  it('turns a transparent PNG into a JPEG on white, with a thumbnail', async () => {
    const input = await sharp({
      create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const photo = await processPhoto(input)
    expect(sniffImageType(photo.jpeg)).toBe(ImageType.Jpeg)
    expect(sniffImageType(photo.thumbnail)).toBe(ImageType.Jpeg)
    expect(photo.sourceType).toBe(ImageType.Png)
    const { channels } = await sharp(photo.jpeg).stats()
    for (const channel of channels) expect(channel.mean).toBeGreaterThan(250) // white, not black
    expect(await sideOf(photo.thumbnail)).toEqual({ width: 320, height: 240 })
  })

  it('turns a WebP into a JPEG, and an animated one into its first frame', async () => {
    const frames = await Promise.all([plain(120, 90).png().toBuffer(), noisy(120, 90).png().toBuffer()])
    const animated = await sharp(frames, { join: { animated: true } })
      .webp()
      .toBuffer()
    expect((await sharp(animated).metadata()).pages).toBe(2)

    for (const input of [await plain(500, 400).webp().toBuffer(), animated]) {
      const photo = await processPhoto(input)
      expect(photo.sourceType).toBe(ImageType.Webp)
      expect(sniffImageType(photo.jpeg)).toBe(ImageType.Jpeg)
      expect(await sideOf(photo.jpeg)).toEqual({ width: photo.width, height: photo.height })
      expect(Math.max(...Object.values(await sideOf(photo.thumbnail)))).toBeLessThanOrEqual(320)
    }
    expect((await processPhoto(animated)).height).toBe(90)
  })

  it('shrinks a big photo to 2400 px on its longest side and never enlarges a small one', async () => {
    const big = await processPhoto(await plain(5000, 3000).jpeg().toBuffer())
    expect(await sideOf(big.jpeg)).toEqual({ width: 2400, height: 1440 })
    expect(await sideOf(big.thumbnail)).toEqual({ width: 320, height: 192 })

    const small = await processPhoto(await plain(200, 150).png().toBuffer())
    expect(await sideOf(small.jpeg)).toEqual({ width: 200, height: 150 })
    expect(await sideOf(small.thumbnail)).toEqual({ width: 200, height: 150 })
  })

  it('answers the SHA-256 of the stored JPEG', async () => {
    const photo = await processPhoto(await plain(100, 100).jpeg().toBuffer())
    expect(photo.sha256).toBe(createHash('sha256').update(photo.jpeg).digest('hex'))
  })

  it('decodes an HEVC HEIC (iPhone) photo', async () => {
    // 96×64, four colour blocks: red, green / blue, yellow (see fixtures/README.md).
    const input = await readFile(new URL('./fixtures/sample.heic', import.meta.url))
    expect(sniffImageType(input)).toBe(ImageType.Heic)
    const photo = await processPhoto(input)
    expect(photo.sourceType).toBe(ImageType.Heic)
    expect(sniffImageType(photo.jpeg)).toBe(ImageType.Jpeg)
    expect(await sideOf(photo.jpeg)).toEqual({ width: 96, height: 64 })
    // stats() reads its input, not the pipeline: cut the red block out first.
    const topLeft = await sharp(photo.jpeg).extract({ left: 8, top: 8, width: 24, height: 16 }).toBuffer()
    const [red, green, blue] = (await sharp(topLeft).stats()).channels.map((channel) => channel.mean)
    expect(red).toBeGreaterThan(180)
    expect(green).toBeLessThan(80)
    expect(blue).toBeLessThan(80)
  })

  it('refuses a truncated HEIC as unreadable', async () => {
    const input = await readFile(new URL('./fixtures/sample.heic', import.meta.url))
    expect(await rejection(input.subarray(0, input.length - 100))).toBe('unreadable')
    expect(await rejection(input.subarray(0, 40))).toBe('unreadable')
  })
})
