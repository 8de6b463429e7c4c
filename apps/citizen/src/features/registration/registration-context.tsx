import type { PhotoKind } from '@ansinh/domain'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import {
  type Draft,
  type DraftFields,
  type DraftPhoto,
  type DraftPhotos,
  emptyDraft,
  type PendingRegistration,
} from './draft'
import { clearDraft, loadDraft, loadPhotos, saveDraft, savePhoto } from './draft-store'
import type { FieldErrors } from './validation'

type Registration = {
  fields: DraftFields
  photos: DraftPhotos
  /** False until the photos are read back from IndexedDB (steps that need them wait). */
  photosLoaded: boolean
  pending: PendingRegistration | null
  /** Errors the server sent for fields, shown on their steps until the field changes. */
  serverErrors: FieldErrors
  /** The server's own sentence that came with them (a CONFLICT explains more than its field does). */
  serverNotice: string | null
  /** Changes on every reset, so that screens keyed by it start afresh (no stale "tried to go on"). */
  generation: number
  update: (patch: Partial<DraftFields>) => void
  setPhoto: (kind: PhotoKind, photo: DraftPhoto | undefined) => void
  setPending: (pending: PendingRegistration | null) => void
  setServerErrors: (errors: FieldErrors, notice?: string | null) => void
  /**
   * Forgets everything (after a confirmed submission, or "Xóa và làm lại"). `restartScreens` (default)
   * also remounts the current step so that it forgets what it was showing.
   */
  reset: (options?: { restartScreens?: boolean }) => Promise<void>
}

const RegistrationContext = createContext<Registration | null>(null)

// The photos outlive the provider for this visit, so leaving the wizard and coming back is instant
// and never races the asynchronous IndexedDB write of a photo taken a moment ago.
let photoMemory: DraftPhotos | undefined

// Which server field paths a draft field answers: editing it clears their errors.
const errorKeysOf: Partial<Record<keyof DraftFields, string[]>> = {
  codeSet: [
    'address',
    'address.codeSet',
    'address.provinceCode',
    'address.districtCode',
    'address.communeCode',
  ],
  provinceCode: ['address.provinceCode', 'address.districtCode', 'address.communeCode'],
  districtCode: ['address.districtCode', 'address.communeCode'],
  communeCode: ['address.communeCode'],
  street: ['address.street'],
  officeProvinceCode: ['officeCode'],
  idKind: ['idKind', 'idNumber', 'photos.idBack'],
}

function withoutKeys(errors: FieldErrors, keys: string[]): FieldErrors {
  if (!keys.some((key) => key in errors)) return errors
  return Object.fromEntries(Object.entries(errors).filter(([key]) => !keys.includes(key)))
}

export function RegistrationProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? emptyDraft)
  const [photos, setPhotos] = useState<DraftPhotos>(() => photoMemory ?? {})
  const [photosLoaded, setPhotosLoaded] = useState(photoMemory !== undefined)
  const [serverErrors, setServerErrorsState] = useState<FieldErrors>({})
  const [serverNotice, setServerNotice] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    if (photoMemory !== undefined) return
    let active = true
    void loadPhotos().then((loaded) => {
      photoMemory = loaded
      if (!active) return
      setPhotos(loaded)
      setPhotosLoaded(true)
    })
    return () => {
      active = false
    }
  }, [])

  useEffect(() => {
    // The empty draft is what `reset` leaves: writing it back would undo the clearing.
    if (draft !== emptyDraft) saveDraft(draft)
  }, [draft])

  const update = useCallback((patch: Partial<DraftFields>) => {
    // Anything but the commitment changes what was sent: a request waiting for its OTP no longer applies.
    const changesForm = Object.keys(patch).some((key) => key !== 'agreed')
    setDraft((current) => ({
      fields: { ...current.fields, ...patch },
      pending: changesForm ? null : current.pending,
    }))
    setServerErrorsState((current) =>
      withoutKeys(
        current,
        Object.keys(patch).flatMap((key) => [key, ...(errorKeysOf[key as keyof DraftFields] ?? [])]),
      ),
    )
  }, [])

  const setPhoto = useCallback((kind: PhotoKind, photo: DraftPhoto | undefined) => {
    setPhotos((current) => {
      const next = { ...current, [kind]: photo }
      if (!photo) delete next[kind]
      photoMemory = next
      return next
    })
    void savePhoto(kind, photo)
    setDraft((current) => (current.pending ? { ...current, pending: null } : current))
    setServerErrorsState((current) => withoutKeys(current, [`photos.${kind}`]))
  }, [])

  const setServerErrors = useCallback((errors: FieldErrors, notice: string | null = null) => {
    setServerErrorsState(errors)
    setServerNotice(notice)
  }, [])

  const setPending = useCallback((pending: PendingRegistration | null) => {
    setDraft((current) => ({ ...current, pending }))
  }, [])

  const reset = useCallback(
    async ({ restartScreens = true }: { restartScreens?: boolean } = {}) => {
      photoMemory = {}
      setDraft(emptyDraft)
      setPhotos({})
      setServerErrors({})
      if (restartScreens) setGeneration((value) => value + 1)
      await clearDraft()
    },
    [setServerErrors],
  )

  const value = useMemo<Registration>(
    () => ({
      fields: draft.fields,
      photos,
      photosLoaded,
      pending: draft.pending,
      serverErrors,
      serverNotice,
      generation,
      update,
      setPhoto,
      setPending,
      setServerErrors,
      reset,
    }),
    [
      draft,
      photos,
      photosLoaded,
      serverErrors,
      serverNotice,
      generation,
      update,
      setPhoto,
      setPending,
      setServerErrors,
      reset,
    ],
  )
  return <RegistrationContext.Provider value={value}>{children}</RegistrationContext.Provider>
}

export function useRegistration(): Registration {
  const value = useContext(RegistrationContext)
  if (!value) throw new Error('useRegistration needs a RegistrationProvider above it')
  return value
}
