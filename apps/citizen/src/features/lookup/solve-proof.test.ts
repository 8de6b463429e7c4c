import { solveLookupChallenge } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import {
  type ProofAnswer,
  type ProofRequest,
  type ProofWorker,
  proofMeasureName,
  solveProof,
  startProofWorker,
} from './solve-proof'

const challenge: ProofRequest = { challenge: 'abc.10.1.mac', difficulty: 10 }
// Never found in a test's time (one nonce in 2³² on average): only an abort ends its search.
const endless: ProofRequest = { challenge: 'abc.32.1.mac', difficulty: 32 }

/** A worker that does nothing by itself: each test says what it answers, and when. */
class StandInWorker implements ProofWorker {
  onmessage: ProofWorker['onmessage'] = null
  onerror: ProofWorker['onerror'] = null
  onmessageerror: ProofWorker['onmessageerror'] = null
  posted: ProofRequest[] = []
  terminated = 0

  postMessage(request: ProofRequest) {
    this.posted.push(request)
  }
  terminate() {
    this.terminated += 1
  }
  answer(data: ProofAnswer) {
    this.onmessage?.(new MessageEvent('message', { data }))
  }
  /** What a script that failed to load or threw raises; Node has no ErrorEvent, the page reads none of its fields. */
  fail() {
    const event = new Event('error', { cancelable: true })
    this.onerror?.(event as ErrorEvent)
    return event
  }
}

function startStandIn() {
  const workers: StandInWorker[] = []
  const startWorker = () => {
    const worker = new StandInWorker()
    workers.push(worker)
    return worker
  }
  return { workers, startWorker }
}

describe('solveProof falls back to the main thread', () => {
  const failures: [
    string,
    () => { startWorker: () => ProofWorker | null; afterPost?: (worker: StandInWorker) => void },
  ][] = [
    ['no Worker in the browser', () => ({ startWorker: () => null })],
    [
      'the constructor throws',
      () => ({
        startWorker: () => {
          throw new DOMException('blocked', 'SecurityError')
        },
      }),
    ],
    [
      'the script fails to load or throws',
      () => ({ ...startStandIn(), afterPost: (worker) => worker.fail() }),
    ],
    [
      'a message cannot be read',
      () => ({
        ...startStandIn(),
        afterPost: (worker) => worker.onmessageerror?.(new MessageEvent('messageerror')),
      }),
    ],
    [
      'the worker finds nothing',
      () => ({ ...startStandIn(), afterPost: (worker) => worker.answer({ ok: false }) }),
    ],
  ]

  it.each(failures)('when %s', async (_case, setUp) => {
    const { startWorker, afterPost } = setUp()
    let started: StandInWorker | undefined
    const pending = solveProof(challenge, {
      startWorker: () => {
        const worker = startWorker()
        if (worker instanceof StandInWorker) started = worker
        return worker
      },
    })
    if (started) {
      expect(started.posted).toEqual([challenge])
      afterPost?.(started)
    }
    const solved = await pending
    expect(solved).toEqual({ proof: await solveLookupChallenge(challenge), solvedBy: 'main-thread' })
    // A failed worker is ended at once, and a late answer from it changes nothing.
    if (started) {
      expect(started.terminated).toBe(1)
      expect([started.onmessage, started.onerror, started.onmessageerror]).toEqual([null, null, null])
    }
  })

  it('keeps a load error out of the console (the page takes over)', async () => {
    const { workers, startWorker } = startStandIn()
    const pending = solveProof(challenge, { startWorker })
    const event = (workers[0] as StandInWorker).fail()
    await pending
    expect(event.defaultPrevented).toBe(true)
  })

  it('where the runtime has no Worker (this test runner), the default starts none', async () => {
    expect(typeof Worker).toBe('undefined')
    expect(startProofWorker()).toBeNull()
    expect((await solveProof(challenge)).solvedBy).toBe('main-thread')
  })

  it('stops the main-thread search when aborted between slices', async () => {
    const controller = new AbortController()
    const pending = solveProof(endless, { startWorker: () => null, signal: controller.signal })
    setTimeout(() => controller.abort(new DOMException('new search', 'AbortError')), 20)
    await expect(pending).rejects.toThrow('new search')
  })
})

describe('solveProof in the worker', () => {
  it('hands over the worker’s proof and ends the worker', async () => {
    const { workers, startWorker } = startStandIn()
    const pending = solveProof(challenge, { startWorker })
    const worker = workers[0] as StandInWorker
    expect(worker.posted).toEqual([challenge])
    // Not what the main thread would find: the answer is the worker's, not computed again.
    worker.answer({ ok: true, proof: { challenge: challenge.challenge, nonce: '42' } })
    expect(await pending).toEqual({
      proof: { challenge: challenge.challenge, nonce: '42' },
      solvedBy: 'worker',
    })
    expect(workers).toHaveLength(1)
    expect(worker.terminated).toBe(1)
  })

  it('a new search or leaving the page terminates the worker, and nothing falls back', async () => {
    const { workers, startWorker } = startStandIn()
    const controller = new AbortController()
    const pending = solveProof(endless, { startWorker, signal: controller.signal })
    controller.abort(new DOMException('left the page', 'AbortError'))
    await expect(pending).rejects.toThrow('left the page')
    const worker = workers[0] as StandInWorker
    expect(worker.terminated).toBe(1)
    worker.answer({ ok: true, proof: { challenge: endless.challenge, nonce: '1' } })
    expect(workers).toHaveLength(1)
  })

  it('leaves a User Timing measure saying who solved (the journey checks it was the worker)', async () => {
    performance.clearMeasures(proofMeasureName)
    const { workers, startWorker } = startStandIn()
    const inWorker = solveProof(challenge, { startWorker })
    workers[0]?.answer({ ok: true, proof: { challenge: challenge.challenge, nonce: '3' } })
    await inWorker
    await solveProof(challenge, { startWorker: () => null })
    const measures = performance.getEntriesByName(proofMeasureName, 'measure') as PerformanceMeasure[]
    expect(measures.map((measure) => measure.detail)).toEqual([
      { solvedBy: 'worker' },
      { solvedBy: 'main-thread' },
    ])
  })

  it('starts no worker for a search already aborted', async () => {
    const { workers, startWorker } = startStandIn()
    const controller = new AbortController()
    controller.abort(new DOMException('gone', 'AbortError'))
    await expect(solveProof(challenge, { startWorker, signal: controller.signal })).rejects.toThrow('gone')
    expect(workers).toHaveLength(0)
  })

  it('one worker per solve: each is ended before the next starts', async () => {
    const { workers, startWorker } = startStandIn()
    for (const nonce of ['7', '8']) {
      const pending = solveProof(challenge, { startWorker })
      workers.at(-1)?.answer({ ok: true, proof: { challenge: challenge.challenge, nonce } })
      expect((await pending).proof.nonce).toBe(nonce)
    }
    expect(workers.map((worker) => worker.terminated)).toEqual([1, 1])
  })
})
