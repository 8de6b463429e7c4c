/**
 * "Dịch vụ công" and "Thông báo" of the citizen app (seeds 001 and 004): the requests a signed-in
 * person files from their account (thay đổi thông tin, ngừng sử dụng giao dịch điện tử, đăng ký tài
 * khoản cho con), the status of the dossiers they filed, and the in-app inbox (hộp thư).
 */
import { z } from 'zod'
import { ContactChangeRequest, StopRequest } from './account-requests'
import { DossierKind, DossierStatus, OtpCode } from './registration'

/** The requests that need an OTP to the registered phone (or e-mail) before they are filed. */
export const AccountRequestPurpose = { ContactChange: 'contact_change', Stop: 'stop' } as const
export type AccountRequestPurpose = (typeof AccountRequestPurpose)[keyof typeof AccountRequestPurpose]

export const AccountRequestOtpBody = z.object({
  purpose: z.enum(AccountRequestPurpose, { error: 'Vui lòng chọn loại yêu cầu.' }),
})
export type AccountRequestOtpBody = z.infer<typeof AccountRequestOtpBody>

export const AccountRequestParams = z.object({ requestId: z.uuid({ error: 'Mã yêu cầu không hợp lệ.' }) })

/** The code the person read, and the request (`POST /me/requests/otp`) it was sent for. */
export const AccountRequestOtp = z.object({
  requestId: z.uuid({ error: 'Mã yêu cầu không hợp lệ.' }),
  code: OtpCode,
})
export type AccountRequestOtp = z.infer<typeof AccountRequestOtp>

const withOtp = { otp: AccountRequestOtp }

// `safeExtend`: the change request carries a refinement ("at least one field"), which `extend` refuses.
export const ContactChangeFiling = ContactChangeRequest.safeExtend(withOtp)
export type ContactChangeFiling = z.infer<typeof ContactChangeFiling>

export const StopFiling = StopRequest.extend(withOtp)
export type StopFiling = z.infer<typeof StopFiling>

const OfficeRef = z.object({ code: z.string(), name: z.string() })

/** A dossier just filed from the account: what the confirmation screen shows. */
export const FiledDossier = z.object({
  dossierNumber: z.string().describe('số hồ sơ'),
  kind: z.enum(DossierKind),
  status: z.enum(DossierStatus),
  submittedAt: z.iso.datetime(),
  office: OfficeRef.describe('cơ quan BHXH tiếp nhận'),
})
export type FiledDossier = z.infer<typeof FiledDossier>

/** One row of "Tra cứu hồ sơ": a dossier the person filed, and its outcome. */
export const MyDossier = FiledDossier.extend({
  decidedAt: z.iso.datetime().nullable(),
  /** Lý do không hợp lệ, when the office refused the dossier. */
  reason: z.string().nullable(),
  /** The child's full name on a child's dossier (the parent filed it); null on the others. */
  childName: z.string().nullable(),
})
export type MyDossier = z.infer<typeof MyDossier>

export const MyDossierList = z.object({ items: z.array(MyDossier) })
export type MyDossierList = z.infer<typeof MyDossierList>

// ---------------------------------------------------------------------------------------------
// Thông báo: the in-app inbox

export const InboxQuery = z.object({
  cursor: z
    .string()
    .max(200, { error: 'Con trỏ trang không hợp lệ.' })
    .optional()
    .describe('`nextCursor` of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('Messages per page (1–100, default 20)'),
})
export type InboxQuery = z.infer<typeof InboxQuery>

export const InboxMessage = z.object({
  id: z.uuid(),
  kind: z.string().describe('The message kind, e.g. `dossier_received`'),
  title: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
})
export type InboxMessage = z.infer<typeof InboxMessage>

export const InboxPage = z.object({ items: z.array(InboxMessage), nextCursor: z.string().nullable() })
export type InboxPage = z.infer<typeof InboxPage>

export const InboxUnreadCount = z.object({ count: z.number().int() })
export type InboxUnreadCount = z.infer<typeof InboxUnreadCount>

export const InboxMessageParams = z.object({ id: z.uuid({ error: 'Mã thông báo không hợp lệ.' }) })

export const InboxMessageRead = z.object({ id: z.uuid(), readAt: z.iso.datetime() })
export type InboxMessageRead = z.infer<typeof InboxMessageRead>
