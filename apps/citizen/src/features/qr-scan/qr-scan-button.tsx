import './qr-scan.css'
import { type ChangeEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraIcon, PictureIcon } from '../../components/icons'

export type QrScanButtonProps = {
  /** Text of the picture button and accessible name of its file input, e.g. "Chụp ảnh mã QR trên thẻ CCCD". */
  label: string
  /** The QR code's text exactly as encoded (parse it with the BHYT or CCCD parser of @ansinh/domain). */
  onDecoded: (text: string) => void
  /** The translated message shown to the user when no QR code was read (also shown by the component). */
  onError?: (message: string) => void
  /** `data-testid` of the `<input type="file">`, for `setInputFiles` in end-to-end tests. */
  testId?: string
  /**
   * Text of the live camera button; "Quét bằng camera" by default. Give it when a page has two of
   * these components, so that the two camera buttons do not share one name ("Quét thẻ BHYT bằng camera").
   */
  cameraLabel?: string
}

type Status = 'idle' | 'reading' | 'found' | 'notFound' | 'failed' | 'cameraDenied' | 'cameraUnavailable'
type CameraFailure = 'failed' | 'cameraDenied' | 'cameraUnavailable'

// The decoder (and the WebAssembly it fetches) loads on the first scan, not with the page.
const loadDecoder = () => import('./decode-qr')

/** How often a camera frame is read: often enough to feel instant, rarely enough to spare the battery. */
const frameIntervalMs = 250
/** Longest side of a camera frame handed to the decoder. */
const maxFrameSide = 1920

/**
 * Reads a QR code from a picture (chosen or taken with the phone's camera app) or, where the browser
 * offers it, from the live camera. Works offline: the decoder is part of the app's build.
 */
export function QrScanButton({ label, onDecoded, onError, testId, cameraLabel }: QrScanButtonProps) {
  const { t } = useTranslation()
  const inputId = useId()
  const statusId = useId()
  const [status, setStatus] = useState<Status>('idle')
  const [cameraOpen, setCameraOpen] = useState(false)
  const cameraButton = useRef<HTMLButtonElement>(null)
  // Only the latest attempt may report; a newer pick or unmounting makes older ones stale.
  const attempt = useRef(0)
  useEffect(
    () => () => {
      attempt.current += 1
    },
    [],
  )

  const message = messageOf(status, label, t)
  const hasCamera = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia)

  function succeed(text: string) {
    setStatus('found')
    onDecoded(text)
  }

  function fail(next: Exclude<Status, 'idle' | 'reading' | 'found'>) {
    setStatus(next)
    onError?.(messageOf(next, label, t))
  }

  async function onFileChange(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget
    const file = input.files?.[0]
    // Cleared so that picking the same file again (after a retake) is a change too.
    input.value = ''
    if (!file) return
    const current = ++attempt.current
    setStatus('reading')
    try {
      const { decodeQrFromBlob } = await loadDecoder()
      const text = await decodeQrFromBlob(file)
      if (current !== attempt.current) return
      if (text === null) fail('notFound')
      else succeed(text)
    } catch {
      if (current === attempt.current) fail('failed')
    }
  }

  // Focus goes back to the camera button once the modal is gone (while it is open, the page is inert).
  const cameraWasOpen = useRef(false)
  useEffect(() => {
    if (cameraOpen) cameraWasOpen.current = true
    else if (cameraWasOpen.current) {
      cameraWasOpen.current = false
      cameraButton.current?.focus()
    }
  }, [cameraOpen])

  function closeCamera() {
    setCameraOpen(false)
  }

  return (
    <div className="qr-scan">
      <div className="qr-scan__actions">
        <input
          id={inputId}
          className="qr-scan__file as-visually-hidden"
          type="file"
          accept="image/*"
          aria-describedby={statusId}
          data-testid={testId}
          onChange={(event) => void onFileChange(event)}
        />
        <label htmlFor={inputId} className="as-button as-button--secondary qr-scan__button">
          <PictureIcon />
          {label}
        </label>
        {hasCamera && (
          <button
            ref={cameraButton}
            type="button"
            className="as-button as-button--secondary qr-scan__button"
            onClick={() => {
              attempt.current += 1
              setStatus('idle')
              setCameraOpen(true)
            }}
          >
            <CameraIcon />
            {cameraLabel ?? t('qrScan.camera')}
          </button>
        )}
      </div>
      <p id={statusId} className={`qr-scan__status qr-scan__status--${toneOf(status)}`} aria-live="polite">
        {message}
      </p>
      {cameraOpen && (
        <CameraDialog
          onDecoded={(text) => {
            closeCamera()
            succeed(text)
          }}
          onFailure={(failure) => {
            closeCamera()
            fail(failure)
          }}
          onClose={closeCamera}
        />
      )}
    </div>
  )
}

type CameraDialogProps = {
  onDecoded: (text: string) => void
  onFailure: (failure: CameraFailure) => void
  onClose: () => void
}

/** A modal with the rear camera's picture; reads frames until a QR code is found or it is closed. */
function CameraDialog({ onDecoded, onFailure, onClose }: CameraDialogProps) {
  const { t } = useTranslation()
  const titleId = useId()
  const dialog = useRef<HTMLDialogElement>(null)
  const video = useRef<HTMLVideoElement>(null)
  const [scanning, setScanning] = useState(false)
  const reportDecoded = useEffectEvent(onDecoded)
  const reportFailure = useEffectEvent(onFailure)

  useEffect(() => {
    const element = dialog.current
    // A modal dialog traps focus, answers Escape and hides the page from assistive technology.
    if (element && !element.open) element.showModal()
    // No close() on unmount: removing the element ends the modal, and a close event would come back
    // to onClose (and, under StrictMode's double effects, shut the dialog as it opens).
  }, [])

  useEffect(() => {
    let stopped = false
    let stream: MediaStream | undefined
    let timer: ReturnType<typeof setInterval> | undefined
    let busy = false
    const canvas = document.createElement('canvas')

    function stop() {
      stopped = true
      clearInterval(timer)
      for (const track of stream?.getTracks() ?? []) track.stop()
    }

    async function readFrame(player: HTMLVideoElement, decode: (image: ImageData) => Promise<string | null>) {
      if (busy || stopped || player.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !player.videoWidth)
        return
      busy = true
      try {
        const text = await decode(frameOf(player, canvas))
        if (text !== null && !stopped) {
          stop()
          reportDecoded(text)
        }
      } catch {
        if (!stopped) {
          stop()
          reportFailure('failed')
        }
      } finally {
        busy = false
      }
    }

    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } },
          audio: false,
        })
      } catch (error) {
        if (!stopped) reportFailure(cameraFailureOf(error))
        return
      }
      const player = video.current
      if (stopped || !player) {
        stop()
        return
      }
      player.srcObject = stream
      // Not awaited: play() settles only with the first frame, and frames are polled below anyway.
      player.play().catch(() => undefined)
      let decode: (image: ImageData) => Promise<string | null>
      try {
        decode = (await loadDecoder()).decodeQrFromImageData
      } catch {
        if (!stopped) {
          stop()
          reportFailure('failed')
        }
        return
      }
      if (stopped) return
      setScanning(true)
      timer = setInterval(() => void readFrame(player, decode), frameIntervalMs)
    }

    void start()
    return stop
  }, [])

  return (
    <dialog
      ref={dialog}
      className="qr-scan-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount the dialog (which stops the camera) rather than the browser hide it.
        event.preventDefault()
        onClose()
      }}
      // Should the browser close it anyway (a repeated Escape may skip the cancel event), follow it.
      onClose={onClose}
    >
      <div className="qr-scan-dialog__body">
        <h2 id={titleId} className="qr-scan-dialog__title">
          {t('qrScan.cameraTitle')}
        </h2>
        <p className="qr-scan-dialog__hint">{t('qrScan.cameraHint')}</p>
        {/* The picture is only for aiming; the hint and the status say what is going on. */}
        <div className="qr-scan-dialog__viewer" aria-hidden="true">
          <video ref={video} className="qr-scan-dialog__video" muted playsInline autoPlay />
          <span className="qr-scan-dialog__frame" />
        </div>
        <p className="qr-scan-dialog__status" aria-live="polite">
          {scanning ? t('qrScan.cameraScanning') : t('qrScan.cameraStarting')}
        </p>
        <button type="button" className="as-button as-button--primary as-button--block" onClick={onClose}>
          {t('qrScan.close')}
        </button>
      </div>
    </dialog>
  )
}

/** The current video frame as pixels, scaled down when the camera gives more than the decoder needs. */
function frameOf(player: HTMLVideoElement, canvas: HTMLCanvasElement): ImageData {
  const scale = Math.min(1, maxFrameSide / Math.max(player.videoWidth, player.videoHeight))
  const width = Math.round(player.videoWidth * scale)
  const height = Math.round(player.videoHeight * scale)
  if (canvas.width !== width) canvas.width = width
  if (canvas.height !== height) canvas.height = height
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('2D canvas is not available')
  context.drawImage(player, 0, 0, width, height)
  return context.getImageData(0, 0, width, height)
}

/** What getUserMedia's refusal means for the user: a permission to grant, or no usable camera. */
function cameraFailureOf(error: unknown): CameraFailure {
  const name = error instanceof DOMException ? error.name : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'cameraDenied'
  if (['NotFoundError', 'OverconstrainedError', 'NotReadableError', 'AbortError'].includes(name)) {
    return 'cameraUnavailable'
  }
  return 'failed'
}

/** The message of each status; the camera ones name the field the code fills (`label`). */
const messageKeys = {
  reading: 'qrScan.reading',
  found: 'qrScan.found',
  notFound: 'qrScan.notFound',
  failed: 'qrScan.failed',
  cameraDenied: 'qrScan.cameraDenied',
  cameraUnavailable: 'qrScan.cameraUnavailable',
} as const satisfies Record<Exclude<Status, 'idle'>, string>

// A plain signature: i18next's own `t` type, passed around, grows past what the compiler instantiates.
type Translate = (key: (typeof messageKeys)[keyof typeof messageKeys], options: { label: string }) => string

function messageOf(status: Status, label: string, t: Translate): string {
  return status === 'idle' ? '' : t(messageKeys[status], { label })
}

function toneOf(status: Status): 'info' | 'success' | 'error' {
  if (status === 'found') return 'success'
  if (status === 'idle' || status === 'reading') return 'info'
  return 'error'
}
