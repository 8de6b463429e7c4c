/**
 * The look-up's proof of work, in a dedicated worker (started by solve-proof.ts, one per solve): the
 * domain's own solver, so the rule that the server checks is written once.
 */
import { solveLookupChallenge } from '@ansinh/domain/proof-of-work'
import type { ProofAnswer, ProofRequest } from './solve-proof'

self.onmessage = async (event: MessageEvent<ProofRequest>) => {
  let answer: ProofAnswer
  try {
    // No slices: nothing else runs on this thread, and the page cancels by terminating the worker.
    const proof = await solveLookupChallenge(event.data, { slice: Number.POSITIVE_INFINITY })
    answer = { ok: true, proof }
  } catch {
    answer = { ok: false }
  }
  self.postMessage(answer)
}
