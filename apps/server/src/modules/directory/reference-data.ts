import type { Executor } from '../../db/client'

/**
 * Loads the reference data shipped in `apps/server/reference-data/` (administrative units, offices,
 * facilities, collection agents, ICD-10). Idempotent: a second call changes nothing.
 * (Stub: the directory module fills it in.)
 */
export async function loadReferenceData(_db: Executor): Promise<void> {}
