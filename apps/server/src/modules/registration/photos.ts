import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ImageType, MAX_PHOTO_BYTES, type PhotoProblem, sniffImageType } from '@ansinh/domain'
import sharp, { type Sharp, type SharpOptions } from 'sharp'

/**
 * The photos of a dossier (the person's portrait and ID, a reviewer's replacement or scan) as they are
 * sent, turned into what we keep: the type checked by content, every pixel decoded and re-encoded as
 * JPEG, so nothing of the original file survives (EXIF with GPS, XMP, IPTC, ICC, trailing bytes), the
 * orientation baked in.
 */

export type PhotoRejection = PhotoProblem

/** The person's file is refused; `reason` picks the message (`photoErrorsVi` in `@ansinh/domain`). */
export class PhotoRejected extends Error {
  constructor(
    readonly reason: PhotoRejection,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'PhotoRejected'
  }
}

export type ProcessedPhoto = {
  /** Re-encoded, metadata stripped, orientation applied, longest side at most 2400 px. */
  jpeg: Buffer
  /** Fits in 320×320. */
  thumbnail: Buffer
  /** Of `jpeg`. */
  width: number
  height: number
  /** What the input really was, by content. */
  sourceType: ImageType
  /** Hex SHA-256 of `jpeg`. */
  sha256: string
}

/** Phones take 12–48 MP; more than this is a decompression bomb, not a photo of an ID card. */
const MAX_INPUT_PIXELS = 50_000_000
const MAX_SIDE = 2400
const THUMBNAIL_SIDE = 320

const decodeOptions: SharpOptions = {
  limitInputPixels: MAX_INPUT_PIXELS,
  sequentialRead: true,
  // The default, stated because the input is untrusted: a truncated or corrupt file fails rather
  // than being stored half grey.
  failOn: 'warning',
  // Animated WebP/PNG: the first frame only.
  pages: 1,
}

export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoRejected('tooLarge', `photo of ${bytes.length} bytes`)
  const sourceType = sniffImageType(bytes) // null for an empty file too
  if (!sourceType) throw new PhotoRejected('notAnImage', 'not a JPEG, PNG, WebP or HEIC file')
  const source = sourceType === ImageType.Heic ? await heicSource(bytes) : sharp(bytes, decodeOptions)
  const main = await encode(source)
  const thumbnail = await makeThumbnail(main.data)
  return {
    jpeg: main.data,
    thumbnail,
    width: main.info.width,
    height: main.info.height,
    sourceType,
    sha256: createHash('sha256').update(main.data).digest('hex'),
  }
}

/** Decoding happens here, lazily: any failure of it is the file's fault. */
async function encode(source: Sharp) {
  try {
    return await source
      .rotate() // bakes in the EXIF orientation; the tag itself goes with the rest of the metadata
      .flatten({ background: '#ffffff' }) // JPEG has no alpha: transparent pixels would turn black
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      // No withMetadata/keepExif/keepIccProfile: sharp then converts to sRGB and writes no metadata.
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true })
  } catch (error) {
    throw new PhotoRejected('unreadable', 'the image could not be decoded', { cause: error })
  }
}

/** From our own JPEG (trusted, already oriented), which libjpeg shrinks on load: cheap. */
function makeThumbnail(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg)
    .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75, mozjpeg: true })
    .toBuffer()
}

// ---------------------------------------------------------------------------------------------
// HEIC (iPhone photos): sharp's prebuilt libvips decodes AVIF but not HEVC, so libheif compiled to
// wasm (`heic-decode`) decodes to RGBA and sharp takes the raw pixels. libheif applies the HEIF
// rotation and mirror boxes itself, and the raw pixels carry no metadata.
//
// heic-decode works synchronously for seconds on a 12 MP photo, so it runs in a worker thread, at
// most one per core at a time, as sharp keeps its own work on libuv's pool.

type RgbaImage = { width: number; height: number; data: Uint8ClampedArray }
type HeicAnswer = RgbaImage | { error: string }

// Plain CommonJS evaluated by the worker (no TypeScript loader there). It reads the size from the
// header and refuses a bomb before decoding a single pixel. libheif prints its diagnostics to the
// console, past our logger: they go into the error instead, which becomes the rejection's cause.
const heicWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { format } = require('node:util')
const printed = []
console.log = console.warn = console.error = (...args) => printed.push(format(...args))
const decode = require(workerData.modulePath)
const answerError = (error) =>
  parentPort.postMessage({ error: [String((error && error.message) || error), ...printed].join(' | ').slice(0, 2000) })
async function run() {
  const images = await decode.all({ buffer: workerData.bytes })
  try {
    const { width, height } = images[0]
    if (width * height > workerData.maxPixels) throw new Error('HEIC of ' + width + 'x' + height + ' pixels')
    const image = await images[0].decode()
    parentPort.postMessage(image, [image.data.buffer])
  } finally {
    images.dispose()
  }
}
run().catch(answerError)
`
const heicDecodePath = createRequire(import.meta.url).resolve('heic-decode')
const heicConcurrency = availableParallelism()
let heicRunning = 0
const heicWaiting: Array<() => void> = []

async function heicSource(bytes: Buffer): Promise<Sharp> {
  try {
    const { width, height, data } = await withHeicSlot(() => decodeHeicInWorker(bytes))
    return sharp(data, { raw: { width, height, channels: 4 }, limitInputPixels: MAX_INPUT_PIXELS })
  } catch (error) {
    throw new PhotoRejected('unreadable', 'the HEIC image could not be decoded', { cause: error })
  }
}

/** Each decoder holds up to 200 MB of pixels (50 MP × RGBA): a burst of uploads must queue. */
async function withHeicSlot<T>(work: () => Promise<T>): Promise<T> {
  while (heicRunning >= heicConcurrency) await new Promise<void>((resolve) => heicWaiting.push(resolve))
  heicRunning++
  try {
    return await work()
  } finally {
    heicRunning--
    heicWaiting.shift()?.()
  }
}

function decodeHeicInWorker(bytes: Buffer): Promise<RgbaImage> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(heicWorkerSource, {
      eval: true,
      workerData: { modulePath: heicDecodePath, bytes, maxPixels: MAX_INPUT_PIXELS },
    })
    worker.once('message', (answer: HeicAnswer) =>
      'error' in answer ? reject(new Error(answer.error)) : resolve(answer),
    )
    worker.once('error', reject)
    // Settles nothing if a message came first; otherwise the worker died without answering.
    worker.once('exit', (code) => reject(new Error(`HEIC worker exited with code ${code}`)))
  })
}
