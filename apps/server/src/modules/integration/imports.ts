import type { FastifyInstance } from 'fastify'
import { claimsFormat } from './claims-format'
import { declarationsFormat } from './declarations-format'
import { type ImportDeps, type ImportFormats, runPendingImports } from './import-runner'

/** Every file format the platform imports, by kind. */
export const importFormats: ImportFormats = {
  employer_declarations: declarationsFormat,
  hospital_claims: claimsFormat,
}

const running = new WeakMap<ImportDeps, { again: boolean }>()

/**
 * Reads waiting imports in this process now, in the background (the worker's one-minute job is the
 * safety net, and the only runner where this process only serves: ROLE=serve). One run per process at
 * a time; a file submitted during a run is taken by the same run.
 */
export function startImportsHere(app: FastifyInstance): void {
  const { deps } = app
  if (deps.config.role === 'serve') return
  const current = running.get(deps)
  if (current) {
    current.again = true
    return
  }
  const state = { again: false }
  running.set(deps, state)
  const log = app.log
  void (async () => {
    try {
      do {
        state.again = false
        await runPendingImports({ ...deps, log }, importFormats)
      } while (state.again)
    } catch (error) {
      log.error({ err: error }, 'import run failed; the worker job takes it up again')
    } finally {
      running.delete(deps)
    }
  })()
}
