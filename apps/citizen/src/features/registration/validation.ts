/**
 * Step-by-step checks with the very schemas the server runs (RegistrationForm of @ansinh/domain), so
 * that "Tiếp" refuses exactly what the server would refuse, with the same Vietnamese messages and the
 * same field paths as the server's `fields` (`address.communeCode`, `photos.idFront`).
 */
import {
  type IdDocumentKind,
  type Parsed,
  parseLegacyIdNumber,
  parsePassportNumber,
  parsePersonalId,
  RegistrationForm,
  requiredPhotoKinds,
  validationErrorOf,
} from '@ansinh/domain'
import { z } from 'zod'
import { type DraftFields, type DraftPhotos, formInputOf } from './draft'
import type { StepId } from './steps'

export type FieldErrors = Record<string, string[]>

const shape = RegistrationForm.in.shape

const InfoPart = z.object({
  bhxhCode: shape.bhxhCode,
  fullName: shape.fullName,
  idKind: shape.idKind,
  idNumber: shape.idNumber,
  address: shape.address,
  phone: shape.phone,
  email: shape.email,
})
const OfficePart = z.object({ officeCode: shape.officeCode, contactChannel: shape.contactChannel })
const ReviewPart = z.object({ agreed: shape.agreed })

// The parsers RegistrationForm's refinement applies to the ID number, per kind of document.
const idNumberParsers: Record<IdDocumentKind, (value: string) => Parsed<unknown>> = {
  personal_id: parsePersonalId,
  legacy_id: parseLegacyIdNumber,
  passport: parsePassportNumber,
}

/** The messages of a zod check by field path (`address.communeCode`), as the server's `fields` names them. */
export function errorsOf(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input)
  return result.success ? {} : (validationErrorOf(result.error).error.fields ?? {})
}

function pick(errors: FieldErrors, keep: (key: string) => boolean): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([key]) => keep(key)))
}

/**
 * The whole form's own refinements (office `000`, e-mail channel without e-mail) run only once every
 * field parses, so the later steps' checks run it with the commitment assumed.
 */
function refinementErrors(fields: DraftFields): FieldErrors {
  return errorsOf(RegistrationForm, { ...formInputOf(fields, 'vi'), agreed: true })
}

export function validateInfo(fields: DraftFields): FieldErrors {
  const errors = errorsOf(InfoPart, formInputOf(fields, 'vi'))
  if (!errors.idNumber && fields.idNumber.trim() !== '') {
    const parsed = idNumberParsers[fields.idKind](fields.idNumber)
    if (!parsed.ok) errors.idNumber = [parsed.error.message]
  }
  return errors
}

export function validatePhotos(
  fields: DraftFields,
  photos: DraftPhotos,
  missingMessage: string,
): FieldErrors {
  const errors: FieldErrors = {}
  for (const kind of requiredPhotoKinds(fields.idKind)) {
    if (!photos[kind]) errors[`photos.${kind}`] = [missingMessage]
  }
  return errors
}

export function validateOffice(fields: DraftFields): FieldErrors {
  const errors = errorsOf(OfficePart, formInputOf(fields, 'vi'))
  if (Object.keys(errors).length > 0) return errors
  return pick(refinementErrors(fields), (key) => key === 'officeCode' || key === 'contactChannel')
}

export function validateReview(fields: DraftFields): FieldErrors {
  return errorsOf(ReviewPart, { agreed: fields.agreed })
}

/** The step whose screen shows a field of the server's `fields`. */
export function stepOfField(key: string): StepId {
  if (key.startsWith('photos.') || key === 'photos') return 'photos'
  if (key === 'officeCode' || key === 'contactChannel') return 'office'
  if (['bhxhCode', 'fullName', 'idKind', 'idNumber', 'phone', 'email'].includes(key)) return 'info'
  if (key === 'address' || key.startsWith('address.')) return 'info'
  return 'review'
}

/** The first step that is not complete, for guarding deep links and for errors from the server. */
export function firstIncompleteStep(
  fields: DraftFields,
  photos: DraftPhotos,
): Exclude<StepId, 'done'> | undefined {
  if (Object.keys(validateInfo(fields)).length > 0) return 'info'
  if (Object.keys(validatePhotos(fields, photos, '')).length > 0) return 'photos'
  if (Object.keys(validateOffice(fields)).length > 0) return 'office'
  return undefined
}

/** The earliest step among the fields of an error answer (the one to go back to). */
export function earliestStepOf(fieldKeys: string[]): StepId | undefined {
  const order: StepId[] = ['info', 'photos', 'office', 'review']
  const steps = new Set(fieldKeys.map(stepOfField))
  return order.find((step) => steps.has(step))
}
