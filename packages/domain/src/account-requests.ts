/**
 * Dossiers a signed-in person files from their account (seed 001 "điều chỉnh thông tin và ngừng sử
 * dụng phương thức giao dịch điện tử", seed 004 "đăng ký tài khoản cho con"): the requests as the
 * self-service screens send them, and what the back-office shows of them.
 */
import { z } from 'zod'
import { CurrentUnits } from './directory'
import { enumValues } from './enums'
import { AccountRequestOutcome } from './message-templates'
import { ContactAddress } from './registration'
import { Email, FullName, MobilePhone, OfficeCode, PersonIdentifier } from './schemas'

const notTheNationalOffice = (officeCode: string) => officeCode !== '000'
const ReceivingOffice = OfficeCode.refine(notTheNationalOffice, {
  error: 'Vui lòng chọn cơ quan BHXH cấp tỉnh hoặc cơ sở.',
})

/** Thay đổi thông tin: any of phone, e-mail (null removes it) and address; at least one. */
export const ContactChangeRequest = z
  .object({
    phone: MobilePhone.optional(),
    email: Email.nullable().optional(),
    address: ContactAddress.optional(),
    officeCode: ReceivingOffice,
  })
  .refine((request) => request.phone !== undefined || request.email !== undefined || request.address, {
    path: ['phone'],
    error: 'Vui lòng nhập ít nhất một thông tin cần thay đổi.',
  })
export type ContactChangeRequest = z.infer<typeof ContactChangeRequest>

const Reason = z
  .string({ error: 'Vui lòng nhập lý do.' })
  .transform((value) => value.normalize('NFC').trim())
  .pipe(z.string().min(5, { error: 'Vui lòng nhập lý do (ít nhất 5 ký tự).' }).max(500))

/** Ngừng sử dụng phương thức giao dịch điện tử. */
export const StopRequest = z.object({ reason: Reason, officeCode: ReceivingOffice })
export type StopRequest = z.infer<typeof StopRequest>

/** A child's account is for a minor: adulthood begins at 18 (Bộ luật Dân sự 2015, Điều 20). */
export const ADULTHOOD_AGE = 18

/**
 * Đăng ký tài khoản cho con (seed 004): the child's BHXH code or personal ID (số định danh cá nhân)
 * and full name; the birth certificate goes as a photo.
 */
export const ChildRegistrationRequest = z.object({
  identifier: PersonIdentifier.describe(
    "The child's 10-digit BHXH code (mã số BHXH) or 12-digit personal ID (số định danh cá nhân); spaces and " +
      'dots are ignored',
  ),
  fullName: FullName,
  officeCode: ReceivingOffice,
})
export type ChildRegistrationRequest = z.infer<typeof ChildRegistrationRequest>

export const CitizenAccountStatus = { Active: 'active', Locked: 'locked', Stopped: 'stopped' } as const
export type CitizenAccountStatus = (typeof CitizenAccountStatus)[keyof typeof CitizenAccountStatus]

/** An account as the back-office names it beside a dossier. */
export const AccountRef = z.object({
  id: z.number(),
  bhxhCode: z.string(),
  fullName: z.string(),
  status: z.enum(CitizenAccountStatus),
})
export type AccountRef = z.infer<typeof AccountRef>

export const ContactField = { Phone: 'phone', Email: 'email', Address: 'address' } as const
export type ContactField = (typeof ContactField)[keyof typeof ContactField]
export const contactFields = enumValues(ContactField)

/** What a child, change or stop dossier asks for, beside the account it concerns. */
export const AccountRequestView = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('change'),
    account: AccountRef,
    /** Only the fields that change: the value on the account now, and the one asked for. */
    changes: z.array(
      z.object({
        field: z.enum(ContactField),
        before: z.string().nullable(),
        after: z.string().nullable(),
        /** For an address side recorded in old (pre-1 Jul 2025) units, where it lies now; else null. */
        beforeUnits: CurrentUnits.nullable(),
        afterUnits: CurrentUnits.nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal('stop'), account: AccountRef, reason: z.string().nullable() }),
  z.object({ kind: z.literal('child'), guardian: AccountRef }),
])
export type AccountRequestView = z.infer<typeof AccountRequestView>

export { AccountRequestOutcome }
