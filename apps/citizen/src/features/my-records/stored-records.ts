/**
 * The views a person may need without network (STYLE.md: the card and the profile), as last loaded on
 * this device: IndexedDB through idb-keyval, one entry per account, view and subject
 * (`<account BHXH code>/card/self`, `<account>/profile/self`, `<account>/card/child/<id>`). The session
 * code calls `forgetStoredRecords` when a session ends or another account signs in. Entries are read
 * back through the contract, so one left by an older build is ignored rather than shown wrong.
 *
 * Storage may be unavailable (private windows, strict settings, quota): every function then degrades
 * to "nothing stored".
 */
import { createStore, delMany, entries, get, keys, set } from 'idb-keyval'
import { z } from 'zod'
import { type RecordOf, type RecordsSubject, recordViews } from './api'

export const offlineViews = ['card', 'profile'] as const
export type OfflineView = (typeof offlineViews)[number]

export type StoredRecord<View extends OfflineView> = {
  account: string
  value: RecordOf<View>
  /** When the server's answer was stored: "cập nhật lúc …". */
  storedAt: string
}

let recordStore: ReturnType<typeof createStore> | undefined
function store() {
  recordStore ??= createStore('ansinh-records', 'records')
  return recordStore
}

const subjectKey = (subject: RecordsSubject) =>
  subject.kind === 'self' ? 'self' : `child/${subject.childId}`
const accountPrefix = (account: string) => `${account}/`
const storageKey = (account: string, view: OfflineView, subject: RecordsSubject) =>
  `${accountPrefix(account)}${view}/${subjectKey(subject)}`

function parseStored<View extends OfflineView>(view: View, entry: unknown): StoredRecord<View> | null {
  const parsed = z
    .object({ account: z.string(), storedAt: z.iso.datetime(), value: recordViews[view].schema })
    .safeParse(entry)
  return parsed.success ? (parsed.data as StoredRecord<View>) : null
}

export async function storeRecord<View extends OfflineView>(
  account: string,
  view: View,
  subject: RecordsSubject,
  value: RecordOf<View>,
): Promise<void> {
  try {
    const entry: StoredRecord<View> = { account, value, storedAt: new Date().toISOString() }
    await set(storageKey(account, view, subject), entry, store())
  } catch {
    // Not stored: the view still shows now, only not offline later.
  }
}

/**
 * The stored view of the subject. `account` is null when the app started without network and does
 * not know who is signed in: the device's entry stored last stands in (sign-out and another account's
 * sign-in delete the others).
 */
export async function readStoredRecord<View extends OfflineView>(
  account: string | null,
  view: View,
  subject: RecordsSubject,
): Promise<StoredRecord<View> | null> {
  try {
    if (account !== null) return parseStored(view, await get(storageKey(account, view, subject), store()))
    let latest: StoredRecord<View> | null = null
    for (const [key, entry] of await entries<string, unknown>(store())) {
      const stored = parseStored(view, entry)
      if (!stored || key !== storageKey(stored.account, view, subject)) continue
      if (latest === null || stored.storedAt > latest.storedAt) latest = stored
    }
    return latest
  } catch {
    return null
  }
}

/**
 * Deletes the stored views of every account but `keepAccount` (all of them without it): on sign-out,
 * when the session ended (signed in elsewhere, expired) and when another account signs in.
 */
export async function forgetStoredRecords(keepAccount?: string): Promise<void> {
  try {
    const keep = keepAccount === undefined ? null : accountPrefix(keepAccount)
    const stale = (await keys<string>(store())).filter(
      (key) => keep === null || !String(key).startsWith(keep),
    )
    if (stale.length > 0) await delMany(stale, store())
  } catch {
    // Nothing stored, or storage unavailable: nothing to forget.
  }
}

/** Deletes one subject's stored view: the server said there is none any more (404). */
export async function forgetStoredRecord(account: string, view: OfflineView, subject: RecordsSubject) {
  try {
    await delMany([storageKey(account, view, subject)], store())
  } catch {
    // Storage unavailable: nothing was stored.
  }
}
