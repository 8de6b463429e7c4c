import { prepareZXingModule, type ReaderOptions, readBarcodes } from 'zxing-wasm/reader'
// The reader's WebAssembly as a file of our own build (hashed, precached by the service worker).
// Left alone, zxing-wasm would fetch it from a CDN, which fails offline and breaks our CSP.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

const readerOptions: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  maxNumberOfSymbols: 1,
  // The characters as encoded, never reformatted or escaped: the BHYT and CCCD parsers in
  // @ansinh/domain want the payload exactly as printed.
  textMode: 'Plain',
}

/** Longest side a photo is scaled down to for the first attempt; phone photos are 4000 px and more. */
const maxFirstPassSide = 2000
/**
 * Largest canvas some browsers can read back (iOS Safari: 16.7 megapixels); above it the full-size
 * attempt hands the encoded file to ZXing's own image decoder instead.
 */
const maxCanvasArea = 16_777_216

let moduleReady: Promise<unknown> | undefined

/** Loads and compiles the reader once, on first use, so that nothing is downloaded until a scan. */
function ensureReader(): Promise<unknown> {
  moduleReady ??= prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
    },
    fireImmediately: true,
  }).catch((error: unknown) => {
    // ZXing caches the failed instance; forget it so that the next scan tries again (e.g. online).
    moduleReady = undefined
    throw error
  })
  return moduleReady
}

async function readQr(input: Blob | ImageData): Promise<string | null> {
  await ensureReader()
  const [result] = await readBarcodes(input, readerOptions)
  return result?.isValid ? result.text : null
}

/**
 * Decodes the QR code in a frame (a camera frame read from a canvas). Resolves to the text exactly
 * as encoded, or null when no QR code is found; rejects when the reader cannot be loaded.
 */
export function decodeQrFromImageData(image: ImageData): Promise<string | null> {
  return readQr(image)
}

/**
 * Decodes the QR code in an image file (PNG, JPEG, and whatever else the browser can open). A large
 * photo is first read scaled down to 2000 px, which is faster and often better for a card filling
 * the picture; when that finds nothing, the full image is read. Resolves to the text exactly as
 * encoded, or null when no QR code is found; rejects when the reader cannot be loaded or the file
 * is not an image.
 */
export async function decodeQrFromBlob(blob: Blob): Promise<string | null> {
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(blob)
  } catch (error) {
    // A format the browser cannot open: ZXing's own decoder may still. If it finds nothing either,
    // the file is most likely not a picture, which is not the same answer as "no QR code in it".
    const text = await readQr(blob)
    if (text === null) throw error
    return text
  }
  try {
    const { width, height } = bitmap
    const scale = maxFirstPassSide / Math.max(width, height)
    if (scale < 1) {
      const small = imageDataOf(bitmap, Math.round(width * scale), Math.round(height * scale))
      const text = await readQr(small)
      if (text !== null) return text
    }
    return await readQr(width * height <= maxCanvasArea ? imageDataOf(bitmap, width, height) : blob)
  } finally {
    bitmap.close()
  }
}

/** The bitmap drawn at the given size, as pixels. */
function imageDataOf(bitmap: ImageBitmap, width: number, height: number): ImageData {
  const canvas = createCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: true }) as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null
  if (!context) throw new Error('2D canvas is not available')
  context.drawImage(bitmap, 0, 0, width, height)
  return context.getImageData(0, 0, width, height)
}

function createCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement {
  // OffscreenCanvas: Safari only from 16.4.
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}
