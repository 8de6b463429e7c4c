/**
 * Solves a look-up's proof of work off the main thread: in a dedicated worker where the browser has
 * one, else on the main thread in slices (the domain's solver either way, so the rule lives in one
 * place). A slow phone keeps typing and the spinner smooth while it hashes.
 *
 * One worker per solve: a worker busy hashing cannot read a "stop" message, so cancelling means
 * terminating it, and a terminated worker cannot be reused. Starting one costs a few milliseconds
 * against a solve of a few hundred, and at most one solve runs at a time (the next look-up's, in the
 * background), so nothing is gained by keeping a worker alive between solves and nothing can leak.
 */
import { type LookupChallenge, type LookupProof, solveLookupChallenge } from '@ansinh/domain'

/** What the page posts to the worker. */
export type ProofRequest = Pick<LookupChallenge, 'challenge' | 'difficulty'>

/** What the worker posts back: the proof, or that it could not find one (the page then falls back). */
export type ProofAnswer = { ok: true; proof: LookupProof } | { ok: false }

/** The part of a `Worker` used here, so that tests can pass a stand-in. */
export type ProofWorker = {
  onmessage: ((event: MessageEvent<ProofAnswer>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(request: ProofRequest): void
  terminate(): void
}

export type SolvedProof = { proof: LookupProof; solvedBy: 'worker' | 'main-thread' }

export type SolveProofOptions = {
  /** Stops the search: the worker is terminated, or the slices stop; the promise rejects. */
  signal?: AbortSignal
  /** Starts a worker, or answers null where there is none (the default starts the real one). */
  startWorker?: () => ProofWorker | null
}

/** The real worker; null in a browser (or test runner) without `Worker`. */
export function startProofWorker(): ProofWorker | null {
  if (typeof Worker !== 'function') return null
  // This exact shape lets Vite bundle the worker as its own file (it is precached like every asset).
  return new Worker(new URL('./pow-worker.ts', import.meta.url), {
    type: 'module',
    name: 'lookup-proof-of-work',
  })
}

/**
 * Finds a nonce for `challenge`. In the worker if one starts and answers; if there is no `Worker`,
 * or it fails to start or errors (a script blocked, a browser without module workers), on the main
 * thread in slices, as before workers. Rejects with the signal's reason when aborted.
 */
export async function solveProof(
  challenge: ProofRequest,
  options: SolveProofOptions = {},
): Promise<SolvedProof> {
  const { signal, startWorker = startProofWorker } = options
  signal?.throwIfAborted()
  const started = performance.now()
  const fromWorker = await solveInWorker(challenge, startWorker, signal)
  const solved: SolvedProof = fromWorker
    ? { proof: fromWorker, solvedBy: 'worker' }
    : { proof: await solveLookupChallenge(challenge, { signal }), solvedBy: 'main-thread' }
  markSolved(started, solved.solvedBy)
  return solved
}

/** User Timing entry name of a solve (seen in the browser's performance panel, read by the e2e journey). */
export const proofMeasureName = 'lookup-proof-of-work'

function markSolved(started: number, solvedBy: SolvedProof['solvedBy']) {
  try {
    performance.measure(proofMeasureName, { start: started, detail: { solvedBy } })
  } catch {
    // A browser without User Timing Level 3 (measure options): the proof matters, not the figure.
  }
}

/** The worker's proof; null when the worker is missing or failed; rejects when aborted. */
function solveInWorker(
  challenge: ProofRequest,
  startWorker: () => ProofWorker | null,
  signal: AbortSignal | undefined,
): Promise<LookupProof | null> {
  let worker: ProofWorker | null
  try {
    worker = startWorker()
  } catch {
    // A browser may refuse the constructor itself (SecurityError, a module worker it does not know).
    worker = null
  }
  if (!worker) return Promise.resolve(null)
  const running = worker

  return new Promise((resolve, reject) => {
    const finish = () => {
      signal?.removeEventListener('abort', abort)
      running.onmessage = null
      running.onerror = null
      running.onmessageerror = null
      running.terminate()
    }
    function abort() {
      finish()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
    running.onmessage = (event) => {
      finish()
      resolve(event.data.ok ? event.data.proof : null)
    }
    // The script did not load (network, CSP) or threw: not worth a console error, the page takes over.
    running.onerror = (event) => {
      event.preventDefault()
      finish()
      resolve(null)
    }
    running.onmessageerror = () => {
      finish()
      resolve(null)
    }
    running.postMessage(challenge)
  })
}
