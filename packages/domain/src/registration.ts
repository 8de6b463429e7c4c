/**
 * Registration of an e-transaction account (đăng ký giao dịch điện tử, tờ khai mẫu 01): the form a
 * person fills in, the photos that go with it, and the dossier (hồ sơ) it becomes. One definition
 * for the API, the citizen app's form and the tests.
 */
import { z } from 'zod'
import { enumValues } from './enums'
import { parseLegacyIdNumber, parsePassportNumber, parsePersonalId } from './identifiers'
import type { Parsed } from './result'
import { BhxhCode, Email, FullName, MobilePhone, OfficeCode } from './schemas'

// ---------------------------------------------------------------------------------------------
// The form

/** Which identity document the number belongs to. */
export const IdDocumentKind = {
  PersonalId: 'personal_id', // số định danh cá nhân / CCCD, 12 digits
  LegacyId: 'legacy_id', // CMND, 9 digits
  Passport: 'passport', // hộ chiếu
} as const
export type IdDocumentKind = (typeof IdDocumentKind)[keyof typeof IdDocumentKind]
export const idDocumentKinds = enumValues(IdDocumentKind)

const idParsers: Record<IdDocumentKind, (value: string) => Parsed<string>> = {
  personal_id: (value) => {
    const parsed = parsePersonalId(value)
    return parsed.ok ? { ok: true, value: parsed.value.personalId } : parsed
  },
  legacy_id: parseLegacyIdNumber,
  passport: parsePassportNumber,
}

/** The two code sets an address may use: the current two levels, or the old three (older records). */
export const AddressCodeSet = { Current: '2025-07-01', Legacy: '2004-2025' } as const
export type AddressCodeSet = (typeof AddressCodeSet)[keyof typeof AddressCodeSet]

export const ContactAddress = z
  .object({
    codeSet: z.enum([AddressCodeSet.Current, AddressCodeSet.Legacy], {
      error: 'Bộ mã địa chỉ không hợp lệ.',
    }),
    provinceCode: z
      .string({ error: 'Vui lòng chọn tỉnh/thành phố.' })
      .regex(/^\d{2}$/, { error: 'Vui lòng chọn tỉnh/thành phố.' }),
    /** Only for the old three-level units. */
    districtCode: z
      .string()
      .regex(/^\d{3}$/, { error: 'Vui lòng chọn quận/huyện.' })
      .optional(),
    communeCode: z
      .string({ error: 'Vui lòng chọn xã/phường.' })
      .regex(/^\d{5}$/, { error: 'Vui lòng chọn xã/phường.' }),
    /** Số nhà, đường / thôn, xóm. */
    street: z
      .string({ error: 'Vui lòng nhập số nhà, tên đường.' })
      .transform((value) => value.normalize('NFC').replace(/\s+/g, ' ').trim())
      .pipe(
        z
          .string()
          .min(2, { error: 'Vui lòng nhập số nhà, tên đường.' })
          .max(200, { error: 'Số nhà, tên đường không được quá 200 ký tự.' }),
      ),
  })
  .superRefine((address, ctx) => {
    if (address.codeSet === AddressCodeSet.Legacy && !address.districtCode)
      ctx.addIssue({ code: 'custom', path: ['districtCode'], message: 'Vui lòng chọn quận/huyện.' })
  })
  // A district only means something in the old three-level units.
  .transform((address) =>
    address.codeSet === AddressCodeSet.Legacy ? address : { ...address, districtCode: undefined },
  )
export type ContactAddress = z.infer<typeof ContactAddress>

/** How the OTP and the results reach the person (the e-mail option needs an e-mail address). */
export const ContactChannel = { Sms: 'sms', Email: 'email' } as const
export type ContactChannel = (typeof ContactChannel)[keyof typeof ContactChannel]

const optionalEmail = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
  Email.optional(),
)

/** The declaration's fields (tờ khai mẫu 01, new registration), as typed or filled from QR codes. */
export const RegistrationForm = z
  .object({
    bhxhCode: BhxhCode, // mã số BHXH
    fullName: FullName,
    idKind: z.enum(IdDocumentKind, { error: 'Vui lòng chọn loại giấy tờ tùy thân.' }),
    idNumber: z.string({ error: 'Vui lòng nhập số giấy tờ tùy thân.' }),
    address: ContactAddress,
    phone: MobilePhone,
    email: optionalEmail,
    officeCode: OfficeCode, // cơ quan BHXH tiếp nhận
    contactChannel: z.enum(ContactChannel, { error: 'Vui lòng chọn cách nhận thông báo.' }),
    language: z.enum(['vi', 'en']).default('vi'),
    /** "Tôi cam đoan những nội dung kê khai là đúng…": the declaration cannot be sent without it. */
    agreed: z.literal(true, { error: 'Vui lòng xác nhận cam đoan trước khi gửi.' }),
  })
  .superRefine((form, ctx) => {
    const parsed = idParsers[form.idKind](form.idNumber)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: parsed.error.message })
    if (form.officeCode === '000')
      ctx.addIssue({
        code: 'custom',
        path: ['officeCode'],
        message: 'Vui lòng chọn cơ quan BHXH cấp tỉnh hoặc cơ sở.',
      })
    if (form.contactChannel === ContactChannel.Email && !form.email)
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Vui lòng nhập email để nhận thông báo qua email.',
      })
  })
  .transform((form) => {
    const parsed = idParsers[form.idKind](form.idNumber)
    return parsed.ok ? { ...form, idNumber: parsed.value } : form
  })
export type RegistrationForm = z.infer<typeof RegistrationForm>
/** What the browser holds while the person types: every field optional and unvalidated. */
export type RegistrationFormInput = z.input<typeof RegistrationForm>

// ---------------------------------------------------------------------------------------------
// Photos

/** The three photos of the registration (ảnh chân dung, mặt trước, mặt sau giấy tờ). */
export const PhotoKind = { Portrait: 'portrait', IdFront: 'idFront', IdBack: 'idBack' } as const
export type PhotoKind = (typeof PhotoKind)[keyof typeof PhotoKind]
export const photoKinds = enumValues(PhotoKind)

/** A passport has one data page: its "back" photo is optional. */
export function requiredPhotoKinds(idKind: IdDocumentKind): PhotoKind[] {
  return idKind === IdDocumentKind.Passport ? [PhotoKind.Portrait, PhotoKind.IdFront] : [...photoKinds]
}

/**
 * Every file a dossier can hold: the registration photos, the child's birth certificate (ảnh giấy
 * khai sinh, seed 004) and scans the office attaches (ảnh scan tờ khai, giấy tờ bổ sung).
 */
export const DossierFileKind = { ...PhotoKind, BirthCertificate: 'birthCertificate', Scan: 'scan' } as const
export type DossierFileKind = (typeof DossierFileKind)[keyof typeof DossierFileKind]
export const dossierFileKinds = enumValues(DossierFileKind)

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

export const ImageType = {
  Jpeg: 'image/jpeg',
  Png: 'image/png',
  Webp: 'image/webp',
  Heic: 'image/heic',
} as const
export type ImageType = (typeof ImageType)[keyof typeof ImageType]
export const acceptedImageTypes = enumValues(ImageType)

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to))

/**
 * The real type of an image from its first bytes (never from its name or declared type); null for
 * anything else. HEIC/HEIF is an ISO-BMFF `ftyp` box with a HEIF brand (iPhone photos).
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return ImageType.Jpeg
  if (bytes.length >= 8 && ascii(bytes, 1, 4) === 'PNG' && bytes[0] === 0x89 && bytes[4] === 0x0d)
    return ImageType.Png
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP')
    return ImageType.Webp
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12)
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand))
      return ImageType.Heic
  }
  return null
}

/** Why a photo is refused before it is decoded: the browser checks first, the server again. */
export type PhotoProblem = 'tooLarge' | 'notAnImage' | 'unreadable'

/** What the browser's `File` offers the check, typed here so that the domain needs no DOM library. */
export type ChosenFile = {
  size: number
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> }
}

/**
 * The browser's check of a chosen photo, before it is sent: the size, and the real type from its
 * first bytes (a renamed document is refused at once, not after the upload). The server checks again
 * and decodes every pixel.
 */
export async function checkChosenPhoto(
  file: ChosenFile,
): Promise<{ ok: true; type: ImageType } | { ok: false; problem: PhotoProblem }> {
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, problem: 'tooLarge' }
  let head: Uint8Array
  try {
    head = new Uint8Array(await file.slice(0, 16).arrayBuffer()) // all sniffImageType reads
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
  const type = sniffImageType(head)
  return type === null ? { ok: false, problem: 'notAnImage' } : { ok: true, type }
}

export const photoErrorsVi = {
  missing: 'Vui lòng chụp hoặc chọn ảnh.',
  tooLarge: 'Ảnh quá lớn: tối đa 10 MB.',
  notAnImage: 'Tệp không phải ảnh JPEG, PNG, HEIC hoặc WebP.',
  unreadable: 'Không đọc được ảnh. Vui lòng chụp lại.',
} as const

// ---------------------------------------------------------------------------------------------
// Dossier

/** Trạng thái: where the decision stands. */
export const DossierStatus = {
  Pending: 'pending', // chờ duyệt
  Valid: 'valid', // hợp lệ
  Invalid: 'invalid', // không hợp lệ
  Cancelled: 'cancelled', // đã hủy (replaced by a newer one, or withdrawn)
  Expired: 'expired', // hết hạn (papers not brought in time)
  NeedsBhxhCode: 'needs_bhxh_code', // cần cấp mã số BHXH: valid, but the code is not in the registry
} as const
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus]
export const dossierStatuses = enumValues(DossierStatus)

/** Tình trạng: where the paper side stands. */
export const DossierCondition = {
  AwaitingPaper: 'awaiting_paper', // chờ nộp hồ sơ giấy
  Received: 'received', // đã tiếp nhận
  // Filed from a signed-in account (child, change, stop): the account already proved who it is, so
  // no paper form is due (nộp trực tuyến).
  Online: 'online',
} as const
export type DossierCondition = (typeof DossierCondition)[keyof typeof DossierCondition]
export const dossierConditions = enumValues(DossierCondition)

export const DossierKind = { New: 'new', Child: 'child', Change: 'change', Stop: 'stop' } as const
export type DossierKind = (typeof DossierKind)[keyof typeof DossierKind]
export const dossierKinds = enumValues(DossierKind)

export const dossierStatusLabels: Record<'vi' | 'en', Record<DossierStatus, string>> = {
  vi: {
    pending: 'Chờ duyệt',
    valid: 'Hợp lệ',
    invalid: 'Không hợp lệ',
    cancelled: 'Đã hủy',
    expired: 'Hết hạn',
    needs_bhxh_code: 'Cần cấp mã số BHXH',
  },
  en: {
    pending: 'Awaiting review',
    valid: 'Valid',
    invalid: 'Not valid',
    cancelled: 'Cancelled',
    expired: 'Expired',
    needs_bhxh_code: 'Needs a BHXH code',
  },
}
export const dossierConditionLabels: Record<'vi' | 'en', Record<DossierCondition, string>> = {
  vi: { awaiting_paper: 'Chờ nộp hồ sơ giấy', received: 'Đã tiếp nhận', online: 'Nộp trực tuyến' },
  en: { awaiting_paper: 'Awaiting the paper form', received: 'Received', online: 'Filed online' },
}

/** Days a dossier waits for its papers before it is deleted (seed 002: 10 days). */
export const DEFAULT_PAPER_DAYS = 10

/** Số hồ sơ: `<office code>-<yymm>-<sequence, at least 7 digits>`, e.g. `07915-2612-0000042`. */
export function formatDossierNumber(officeCode: string, yyyymm: number, sequence: number): string {
  return `${officeCode}-${String(yyyymm).slice(2)}-${String(sequence).padStart(7, '0')}`
}
export const DossierNumber = z
  .string({ error: 'Vui lòng nhập số hồ sơ.' })
  .trim()
  .regex(/^\d{3}(?:\d{2})?-\d{4}-\d{7,12}$/, {
    error: 'Số hồ sơ không đúng định dạng (ví dụ 07915-2612-0000042).',
  })
export type DossierNumber = z.infer<typeof DossierNumber>

// ---------------------------------------------------------------------------------------------
// API bodies and answers

export const OtpCode = z
  .string({ error: 'Vui lòng nhập mã OTP.' })
  .trim()
  .regex(/^\d{6}$/, { error: 'Mã OTP gồm 6 chữ số.' })

export const RegistrationCreated = z.object({
  id: z.uuid(),
  otp: z.object({
    channel: z.enum(ContactChannel),
    /** Masked phone or e-mail, e.g. `091****678`. */
    sentTo: z.string(),
    expiresAt: z.iso.datetime(),
    /** When "send again" becomes possible. */
    resendAfter: z.iso.datetime(),
  }),
  /** True when a pending dossier for the same BHXH code will be replaced on confirmation. */
  replacesPending: z.boolean(),
})
export type RegistrationCreated = z.infer<typeof RegistrationCreated>

export const RegistrationConfirm = z.object({ otp: OtpCode })
export type RegistrationConfirm = z.infer<typeof RegistrationConfirm>

export const OfficeContact = z.object({
  code: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  openingHours: z.string().nullable(),
})
export type OfficeContact = z.infer<typeof OfficeContact>

export const RegistrationConfirmed = z.object({
  dossierNumber: z.string(),
  status: z.enum(DossierStatus),
  condition: z.enum(DossierCondition),
  submittedAt: z.iso.datetime(),
  /** Bring the papers (tờ khai signed, CCCD) to the office before the end of this day. */
  paperDeadline: z.iso.date(),
  office: OfficeContact,
})
export type RegistrationConfirmed = z.infer<typeof RegistrationConfirmed>

export const RegistrationStatusQuery = z.object({ dossierNumber: DossierNumber, phone: MobilePhone })
export type RegistrationStatusQuery = z.infer<typeof RegistrationStatusQuery>

export const RegistrationStatusView = RegistrationConfirmed.extend({
  kind: z.enum(DossierKind),
  /** Masked: the status check is public. */
  fullName: z.string(),
  decidedAt: z.iso.datetime().nullable(),
  /** Why the dossier was found not valid (lý do), when it was. */
  reason: z.string().nullable(),
})
export type RegistrationStatusView = z.infer<typeof RegistrationStatusView>
