import { z } from 'zod'
import { ParseErrorCode, parseErrorMessagesVi } from './errors'
import { fail, ok, type Parsed } from './result'
import { foldVietnamese } from './text'

/** Gender as recorded by the platform. The personal ID and BHYT QR only encode male/female. */
export const Gender = z.enum(['male', 'female', 'other'], { error: 'Giới tính không hợp lệ' })
export type Gender = z.infer<typeof Gender>

export const genderLabelsVi: Record<Gender, string> = { male: 'Nam', female: 'Nữ', other: 'Khác' }
export const genderLabelsEn: Record<Gender, string> = { male: 'Male', female: 'Female', other: 'Other' }

// Keys are folded (no diacritics, lower case), so "Nữ", "NỮ", "nu" and NFD input all match.
const genderByFoldedLabel: Record<string, Gender> = {
  nam: 'male',
  nu: 'female',
  khac: 'other',
  male: 'male',
  female: 'female',
  other: 'other',
}

/** Reads a gender written as a Vietnamese or English label ("Nam", "Nữ", "Khác", "female"). */
export function parseGender(text: string): Parsed<Gender> {
  const gender = genderByFoldedLabel[foldVietnamese(text)]
  return gender === undefined
    ? fail(ParseErrorCode.InvalidGender, parseErrorMessagesVi.INVALID_GENDER)
    : ok(gender)
}
