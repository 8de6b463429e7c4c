/**
 * Where an unfinished registration waits between visits: the fields (and a request waiting for its
 * OTP) in localStorage, the photos as Blobs in IndexedDB (too big for localStorage). Nothing leaves
 * the device before "Gửi hồ sơ". Also the device's own list of submitted dossiers, for the status page.
 *
 * Storage may be unavailable (private windows, strict settings, quota): every function then degrades
 * to "not stored" and the form keeps working in memory.
 */
import {
  AddressCodeSet,
  ContactChannel,
  IdDocumentKind,
  type PhotoKind,
  photoKinds,
  RegistrationConfirmed,
  RegistrationCreated,
} from '@ansinh/domain'
import { createStore, del, delMany, getMany, set } from 'idb-keyval'
import { z } from 'zod'
import { type Draft, type DraftPhoto, type DraftPhotos, emptyFields } from './draft'

export const draftStorageKey = 'ansinh.registration.draft.v1'
const dossiersStorageKey = 'ansinh.registration.dossiers.v1'
const lastConfirmationStorageKey = 'ansinh.registration.confirmed.v1'

// Its own database, so that clearing the draft can never touch another feature's data.
let photoStore: ReturnType<typeof createStore> | undefined
function photos() {
  photoStore ??= createStore('ansinh-registration', 'photos')
  return photoStore
}
const photoKey = (kind: PhotoKind) => `photo.${kind}`

// ---------------------------------------------------------------------------------------------
// Fields

// What an older build or a hand-edited value may have left: anything unexpected falls back to empty.
const text = z.string().max(500).catch('')
const StoredDraft = z.object({
  fields: z
    .object({
      bhxhCode: text,
      fullName: text,
      idKind: z.enum(IdDocumentKind).catch(emptyFields.idKind),
      idNumber: text,
      codeSet: z.enum([AddressCodeSet.Current, AddressCodeSet.Legacy]).catch(emptyFields.codeSet),
      provinceCode: text,
      districtCode: text,
      communeCode: text,
      street: text,
      phone: text,
      email: text,
      officeProvinceCode: text,
      officeCode: text,
      contactChannel: z.enum(ContactChannel).catch(emptyFields.contactChannel),
      agreed: z.boolean().catch(false),
    })
    .catch(emptyFields),
  pending: RegistrationCreated.nullable().catch(null),
})

function readJson(key: string): unknown {
  try {
    const raw = localStorage.getItem(key)
    return raw === null ? undefined : JSON.parse(raw)
  } catch {
    return undefined
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Full or blocked storage: the draft lives on in memory for this visit.
  }
}

function remove(key: string): void {
  try {
    localStorage.removeItem(key)
  } catch {
    // Nothing stored, nothing to remove.
  }
}

export function loadDraft(): Draft | null {
  const stored = readJson(draftStorageKey)
  if (stored === undefined) return null
  const parsed = StoredDraft.safeParse(stored)
  return parsed.success ? parsed.data : null
}

export function saveDraft(draft: Draft): void {
  writeJson(draftStorageKey, draft)
}

// ---------------------------------------------------------------------------------------------
// Photos

const StoredPhoto = z.object({ blob: z.instanceof(Blob), name: z.string(), type: z.string() })

export async function loadPhotos(): Promise<DraftPhotos> {
  try {
    const values = await getMany<unknown>(photoKinds.map(photoKey), photos())
    const loaded: DraftPhotos = {}
    photoKinds.forEach((kind, index) => {
      const parsed = StoredPhoto.safeParse(values[index])
      if (parsed.success) loaded[kind] = parsed.data
    })
    return loaded
  } catch {
    return {}
  }
}

export async function savePhoto(kind: PhotoKind, photo: DraftPhoto | undefined): Promise<void> {
  try {
    if (photo) await set(photoKey(kind), photo, photos())
    else await del(photoKey(kind), photos())
  } catch {
    // Not persisted: the photo stays in memory until the page is closed.
  }
}

/** Forgets the whole draft: fields, the pending request and the photos. */
export async function clearDraft(): Promise<void> {
  remove(draftStorageKey)
  try {
    await delMany(photoKinds.map(photoKey), photos())
  } catch {
    // Nothing was stored.
  }
}

// ---------------------------------------------------------------------------------------------
// Dossiers submitted from this device

const DeviceDossier = z.object({ dossierNumber: z.string(), phone: z.string(), submittedAt: z.string() })
export type DeviceDossier = z.infer<typeof DeviceDossier>

export function listDeviceDossiers(): DeviceDossier[] {
  const parsed = z.array(DeviceDossier).safeParse(readJson(dossiersStorageKey))
  return parsed.success ? parsed.data : []
}

export function rememberDossier(dossier: DeviceDossier): void {
  const others = listDeviceDossiers().filter((item) => item.dossierNumber !== dossier.dossierNumber)
  // Newest first; a handful is all a shared family phone needs.
  writeJson(dossiersStorageKey, [dossier, ...others].slice(0, 10))
}

// ---------------------------------------------------------------------------------------------
// The last confirmation, for the "done" screen (it survives a reload there)

const LastConfirmation = z.object({
  confirmed: RegistrationConfirmed,
  phone: z.string(),
  idKind: z.enum(IdDocumentKind),
})
export type LastConfirmation = z.infer<typeof LastConfirmation>

export function saveLastConfirmation(value: LastConfirmation): void {
  writeJson(lastConfirmationStorageKey, value)
}

export function loadLastConfirmation(): LastConfirmation | null {
  const parsed = LastConfirmation.safeParse(readJson(lastConfirmationStorageKey))
  return parsed.success ? parsed.data : null
}
