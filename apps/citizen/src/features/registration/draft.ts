/**
 * What the browser holds while a person fills in the registration: every field as typed (strings,
 * never validated here), the photos, and the request waiting for its OTP. The zod schemas of
 * @ansinh/domain validate it step by step (validation.ts) and once more before sending.
 */
import {
  AddressCodeSet,
  ContactChannel,
  IdDocumentKind,
  type PhotoKind,
  type RegistrationCreated,
} from '@ansinh/domain'

export type DraftFields = {
  bhxhCode: string
  fullName: string
  idKind: IdDocumentKind
  idNumber: string
  codeSet: AddressCodeSet
  provinceCode: string
  /** Only for the old three-level units. */
  districtCode: string
  communeCode: string
  street: string
  phone: string
  email: string
  /** The province office whose grassroots offices are listed; the chosen office is `officeCode`. */
  officeProvinceCode: string
  officeCode: string
  contactChannel: ContactChannel
  agreed: boolean
}

export type DraftPhoto = {
  blob: Blob
  /** The file name as chosen, sent as the multipart filename. */
  name: string
  /** The type read from the first bytes (sniffImageType), not the one the browser guessed. */
  type: string
}
export type DraftPhotos = Partial<Record<PhotoKind, DraftPhoto>>

/** A request created on the server and waiting for its OTP (kept so that a reload can still confirm). */
export type PendingRegistration = RegistrationCreated

export type Draft = {
  fields: DraftFields
  pending: PendingRegistration | null
}

export const emptyFields: DraftFields = {
  bhxhCode: '',
  fullName: '',
  idKind: IdDocumentKind.PersonalId,
  idNumber: '',
  codeSet: AddressCodeSet.Current,
  provinceCode: '',
  districtCode: '',
  communeCode: '',
  street: '',
  phone: '',
  email: '',
  officeProvinceCode: '',
  officeCode: '',
  contactChannel: ContactChannel.Sms,
  agreed: false,
}

export const emptyDraft: Draft = { fields: emptyFields, pending: null }

// An empty text box means "not given": the schemas then say "Vui lòng nhập…" rather than "không hợp lệ".
export const given = (value: string): string | undefined => (value.trim() === '' ? undefined : value)

/**
 * The draft in the shape of RegistrationForm's input, with what is not given left out. Loosely typed on
 * purpose: it is what the schemas check, not yet what they accept.
 */
export type FormDraftInput = {
  bhxhCode?: string | undefined
  fullName?: string | undefined
  idKind: IdDocumentKind
  idNumber?: string | undefined
  address: {
    codeSet: AddressCodeSet
    provinceCode?: string | undefined
    districtCode?: string | undefined
    communeCode?: string | undefined
    street?: string | undefined
  }
  phone?: string | undefined
  email?: string | undefined
  officeCode?: string | undefined
  contactChannel: ContactChannel
  language: 'vi' | 'en'
  agreed: boolean
}

export function formInputOf(fields: DraftFields, language: 'vi' | 'en'): FormDraftInput {
  const legacy = fields.codeSet === AddressCodeSet.Legacy
  return {
    bhxhCode: given(fields.bhxhCode),
    fullName: given(fields.fullName),
    idKind: fields.idKind,
    idNumber: given(fields.idNumber),
    address: {
      codeSet: fields.codeSet,
      provinceCode: given(fields.provinceCode),
      districtCode: legacy ? given(fields.districtCode) : undefined,
      communeCode: given(fields.communeCode),
      street: given(fields.street),
    },
    phone: given(fields.phone),
    email: given(fields.email),
    officeCode: given(fields.officeCode),
    contactChannel: fields.contactChannel,
    language,
    agreed: fields.agreed,
  }
}
