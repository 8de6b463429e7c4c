/**
 * Every message the platform sends, one template per kind: typed variables (a zod schema), a
 * Vietnamese text and an English variant, for SMS, e-mail (subject + text + HTML) and the in-app
 * inbox (hộp thư trong ứng dụng). Pure: the server renders with it and the back-office previews with it.
 *
 * Rules every template follows:
 * - An SMS fits its declared number of segments with the longest variables the schema accepts
 *   (tested); a free-text variable that could overflow is shortened to fit.
 * - A message carries no more personal data than it needs: no full name, no personal ID number
 *   (số định danh), no full BHXH code. Schemas are strict, so a caller cannot slip one in.
 * - Every variable is escaped in HTML (the HTML is built from blocks of plain text, never from
 *   strings with markup).
 */
import { z } from 'zod'
import { formatDateTimeVi, formatDateVi } from './dates'
import { type SmsEncoding, smsSegments, toGsm7 } from './sms-segments'

export const MessageKind = {
  Otp: 'otp',
  DossierReceived: 'dossier_received',
  AccountCreated: 'account_created',
  DossierRejected: 'dossier_rejected',
  PasswordChanged: 'password_changed',
  DeviceChanged: 'device_changed',
  PasskeyAdded: 'passkey_added',
  PaperDossierReminder: 'paper_dossier_reminder',
  DossierExpired: 'dossier_expired',
  BhxhCodeNeeded: 'bhxh_code_needed',
  AccountRequestApproved: 'account_request_approved',
  PasswordResetByOffice: 'password_reset_by_office',
  FeedbackReceived: 'feedback_received',
  FeedbackAnswered: 'feedback_answered',
  OrganisationReminder: 'organisation_reminder',
} as const
export type MessageKind = (typeof MessageKind)[keyof typeof MessageKind]
export const messageKinds = Object.values(MessageKind)

export const MessageChannel = { Sms: 'sms', Email: 'email', Inbox: 'inbox' } as const
export type MessageChannel = (typeof MessageChannel)[keyof typeof MessageChannel]

export const MessageLanguage = { Vi: 'vi', En: 'en' } as const
export type MessageLanguage = (typeof MessageLanguage)[keyof typeof MessageLanguage]

/** Tổng đài hỗ trợ of BHXH Việt Nam, printed in every message that asks the person to act. */
export const AGENCY_HOTLINE = '1900 9068'

export const OtpPurpose = {
  Registration: 'registration',
  PasswordChange: 'password_change',
  DeviceChange: 'device_change',
  PasswordReset: 'password_reset',
  ChildRegistration: 'child_registration',
  // Dịch vụ công from a signed-in account: thay đổi thông tin, ngừng sử dụng giao dịch điện tử.
  ContactChange: 'contact_change',
  AccountStop: 'account_stop',
} as const
export type OtpPurpose = (typeof OtpPurpose)[keyof typeof OtpPurpose]

// ---------------------------------------------------------------------------------------------
// Variable schemas. Lengths are bounded so that the SMS worst case is known; character sets are
// bounded where a value is typed by someone else (device names) so that nobody can put a link in
// a message sent under the agency's brand name.

const DossierNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9./-]{3,29}$/, { error: 'dossier number: 4–30 letters, digits, . / -' })
const OfficeName = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ().,'/-]{1,59}$/u, { error: 'office name: 2–60 characters' })
const OfficeAddress = z.string().trim().min(5).max(160)
const IsoDay = z.iso.date()
const Instant = z.iso.datetime({ offset: true })

const OtpVariables = z.strictObject({
  code: z.string().regex(/^\d{4,8}$/, { error: 'OTP: 4–8 digits' }),
  purpose: z.enum(OtpPurpose),
  validMinutes: z.int().min(1).max(30).default(5),
})
const DossierReceivedVariables = z.strictObject({
  dossierNumber: DossierNumber,
  officeName: OfficeName,
  officeAddress: OfficeAddress.optional(),
  /** Set when the person must still bring papers to the office (nộp hồ sơ giấy) by that day. */
  paperDeadline: IsoDay.optional(),
})
const AccountCreatedVariables = z.strictObject({
  /** The username; only its last 4 digits are ever shown. */
  bhxhCode: z.string().regex(/^\d{10}$/, { error: 'BHXH code: 10 digits' }),
  // Characters of the GSM-7 default alphabet only: the password must reach the phone unchanged.
  temporaryPassword: z
    .string()
    .regex(/^[A-Za-z0-9@#$%&*+=?!_.-]{8,32}$/, { error: 'password: 8–32 of A-Z a-z 0-9 @#$%&*+=?!_.-' }),
})
const DossierRejectedVariables = z.strictObject({
  dossierNumber: DossierNumber,
  /** Typed by the reviewer (lý do không hợp lệ); shortened in the SMS when it does not fit. */
  reason: z.string().trim().min(3).max(500),
})
const PasswordChangedVariables = z.strictObject({ changedAt: Instant })
const DeviceChangedVariables = z.strictObject({
  changedAt: Instant,
  deviceName: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ()+_-]{0,39}$/u, {
      error: 'device name: 1–40 letters, digits, ( ) + _ -',
    })
    .optional(),
})
const PaperDossierReminderVariables = z.strictObject({
  dossierNumber: DossierNumber,
  officeName: OfficeName,
  officeAddress: OfficeAddress.optional(),
  deadline: IsoDay,
})
const DossierExpiredVariables = z.strictObject({
  dossierNumber: DossierNumber,
  officeName: OfficeName,
  /** The last day the papers could be brought. */
  deadline: IsoDay,
})

const BhxhCodeNeededVariables = z.strictObject({ dossierNumber: DossierNumber, officeName: OfficeName })

/** Mã phản ánh (feedback.ts): `PA-` and ten characters. */
const FeedbackCodeVariable = z
  .string()
  .regex(/^PA-[2-9A-HJ-NP-Z]{10}$/, { error: 'feedback code: PA- and 10 characters' })
// Not `code`: that name marks a secret (an OTP) whose text is blanked once sent; this one is kept.
const FeedbackReceivedVariables = z.strictObject({
  feedbackCode: FeedbackCodeVariable,
  officeName: OfficeName,
})
const FeedbackAnsweredVariables = z.strictObject({
  feedbackCode: FeedbackCodeVariable,
  /** Typed by the officer (nội dung trả lời); shortened in the SMS, whole in the e-mail and the inbox. */
  answer: z.string().trim().min(10).max(4000),
})

/** What an approved dossier filed from an account did (thay đổi thông tin, ngừng sử dụng, tài khoản cho con). */
export const AccountRequestOutcome = {
  ContactChanged: 'contact_changed',
  AccountStopped: 'account_stopped',
  ChildLinked: 'child_linked',
} as const
export type AccountRequestOutcome = (typeof AccountRequestOutcome)[keyof typeof AccountRequestOutcome]
/**
 * The path of the opt-out link of an organisation's reminder (nhắc đăng ký): a person id and its
 * HMAC, which the server signs and checks. The template accepts only a link of this shape, so that
 * no other address can be slipped into a message sent under the agency's name.
 */
export const REMINDER_OPT_OUT_PATH = '/api/v1/reminders/opt-out/'
export const REMINDER_OPT_OUT_TOKEN_PATTERN = /^[0-9a-z]{1,11}\.[A-Za-z0-9_-]{22}$/
const OrganisationReminderVariables = z.strictObject({
  /** The school, agency or company that asks its member (trường, cơ quan, đơn vị). */
  organisationName: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{M}\p{N} ().,'&/-]{1,79}$/u, {
      error: 'organisation name: 2–80 characters',
    }),
  optOutUrl: z
    .string()
    .max(100)
    .regex(
      /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?\/api\/v1\/reminders\/opt-out\/[0-9a-z]{1,11}\.[A-Za-z0-9_-]{22}$/,
      {
        error: 'opt-out link: this server, 100 characters at most',
      },
    ),
})

const AccountRequestApprovedVariables = z.strictObject({
  dossierNumber: DossierNumber,
  outcome: z.enum(AccountRequestOutcome),
})

const accountRequestSentences: Record<MessageLanguage, Record<AccountRequestOutcome, string>> = {
  vi: {
    contact_changed: 'Thông tin liên hệ của bạn đã được cập nhật theo yêu cầu.',
    account_stopped: 'Tài khoản giao dịch điện tử của bạn đã ngừng sử dụng theo yêu cầu.',
    child_linked: 'Tài khoản của con đã được cấp; bạn có thể xem thông tin của con trong ứng dụng VssID.',
  },
  en: {
    contact_changed: 'Your contact details have been updated as you asked.',
    account_stopped: 'Your e-transaction account has been closed as you asked.',
    child_linked: "Your child's account is ready; you can see it in the VssID app.",
  },
}

// ---------------------------------------------------------------------------------------------
// Template machinery

/** A piece of an e-mail or inbox message. Plain text only: the HTML renderer escapes everything. */
export type MessageBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'code'; text: string } // an OTP or a one-time password, shown large
  | { type: 'facts'; rows: Array<[label: string, value: string]> }

type Content = { subject: string; blocks: MessageBlock[] }

/** Shortens one free-text value so that the finished SMS fits the template's maximum. */
type Fit = (build: (value: string) => string, value: string) => string

type TemplateDefinition<S extends z.ZodType> = {
  variables: S
  channels: readonly MessageChannel[]
  maxSmsSegments: number
  /**
   * `false` (every template so far): the SMS goes out without diacritics, in GSM-7, as brand-name
   * SMS in Vietnam usually does — 160 characters per SMS instead of 70.
   */
  smsDiacritics: boolean
  // Method syntax: the map of all templates is checked against one shape with any variables.
  sms(variables: z.output<S>, language: MessageLanguage, fit: Fit): string
  content(variables: z.output<S>, language: MessageLanguage): Content
  /** Realistic variables for previews. */
  sample: z.input<S>
  /** The longest variables the schema accepts, for the segment test. */
  longest: z.input<S>
}

function defineTemplate<S extends z.ZodType>(definition: TemplateDefinition<S>): TemplateDefinition<S> {
  return definition
}

const vi = (language: MessageLanguage) => language === 'vi'

/**
 * `say(vietnamese, english)`: the text in the message's language. Each template writes its two
 * languages side by side, so that a change to one is seen next to the other.
 */
const sayIn = (language: MessageLanguage) => (viText: string, enText: string) =>
  vi(language) ? viText : enText

const paragraph = (text: string): MessageBlock => ({ type: 'paragraph', text })

/** A table of facts; a row whose value is undefined (an optional variable not given) is left out. */
function facts(...rows: Array<[label: string, value: string | undefined]>): MessageBlock {
  return { type: 'facts', rows: rows.filter((row): row is [string, string] => row[1] !== undefined) }
}

/** "14:05 ngày 20/11/2026" / "14:05 on 20/11/2026 (Vietnam time)". */
function momentText(instant: string, language: MessageLanguage): string {
  const [date = '', time = ''] = formatDateTimeVi(new Date(instant)).split(' ')
  return vi(language) ? `${time} ngày ${date}` : `${time} on ${date} (Vietnam time)`
}

/** `7900012345` → `******2345`: enough for the person to recognise their own code. */
export function maskBhxhCode(bhxhCode: string): string {
  return `${'*'.repeat(Math.max(bhxhCode.length - 4, 0))}${bhxhCode.slice(-4)}`
}

/**
 * Hides all but the last 4 digits of any run of 9 or more digits (optionally grouped by spaces or
 * dots) in free text: a reviewer may type a personal ID or BHXH code into a reason, and the message
 * must not repeat it in full.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(/\d(?:[ .]?\d){8,}/g, (run) => {
    const digits = run.replace(/\D/g, '')
    return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`
  })
}

function withoutFinalStop(text: string): string {
  return text.replace(/[\s.;,]+$/u, '')
}

const otpPurposeText: Record<OtpPurpose, Record<MessageLanguage, string>> = {
  registration: { vi: 'đăng ký tài khoản', en: 'account registration' },
  password_change: { vi: 'đổi mật khẩu', en: 'password change' },
  device_change: { vi: 'đổi thiết bị đăng nhập', en: 'changing your sign-in device' },
  password_reset: { vi: 'lấy lại mật khẩu', en: 'password reset' },
  child_registration: { vi: 'đăng ký tài khoản cho con', en: 'registering an account for your child' },
  contact_change: { vi: 'thay đổi thông tin liên hệ', en: 'changing your contact details' },
  account_stop: { vi: 'ngừng sử dụng giao dịch điện tử', en: 'stopping electronic transactions' },
}

const LONGEST_OFFICE = 'BHXH cơ sở huyện Châu Thành (Tiền Giang) - Điểm tiếp nhận số'.padEnd(60, 'x')
const LONGEST_DOSSIER = `07915-2026-${'9'.repeat(19)}`
const LONGEST_ADDRESS = `Số 102 đường Tô Hiệu, phường Hà Cầu, quận Hà Đông, thành phố Hà Nội `.padEnd(
  160,
  'x',
)

// The two messages that carry a temporary password take the same variables.
const temporaryPasswordExamples = {
  sample: { bhxhCode: '7900012345', temporaryPassword: 'Kx7#mP2q' },
  longest: { bhxhCode: '7900012345', temporaryPassword: 'Ab3$Ab3$Ab3$Ab3$Ab3$Ab3$Ab3$Ab3$' },
}

const templates = {
  otp: defineTemplate({
    variables: OtpVariables,
    channels: ['sms', 'email'],
    maxSmsSegments: 1,
    smsDiacritics: false,
    // The code comes first (it shows in the notification preview); the purpose tells a person who
    // did not ask for it that someone is trying; no name, no ID: an OTP SMS is read on lock screens.
    sms: ({ code, purpose, validMinutes }, language) =>
      vi(language)
        ? `Mã OTP của bạn là ${code} (${otpPurposeText[purpose].vi}), hiệu lực ${validMinutes} phút. ` +
          'Không cung cấp mã này cho bất kỳ ai, kể cả nhân viên BHXH.'
        : `Your OTP is ${code} (${otpPurposeText[purpose].en}), valid for ${validMinutes} minutes. ` +
          'Do not share this code with anyone, including BHXH staff.',
    content: ({ code, purpose, validMinutes }, language) => {
      const say = sayIn(language)
      return {
        subject: say(`Mã OTP để ${otpPurposeText[purpose].vi}`, `Your OTP for ${otpPurposeText[purpose].en}`),
        blocks: [
          paragraph(
            say(
              `Mã OTP để ${otpPurposeText[purpose].vi} trên ứng dụng VssID – BHXH số của bạn là:`,
              `Your OTP for ${otpPurposeText[purpose].en} in the VssID app is:`,
            ),
          ),
          { type: 'code', text: code },
          paragraph(
            say(
              `Mã có hiệu lực trong ${validMinutes} phút.`,
              `The code is valid for ${validMinutes} minutes.`,
            ),
          ),
          paragraph(
            say(
              'Không cung cấp mã này cho bất kỳ ai, kể cả nhân viên BHXH. ' +
                'Nếu bạn không yêu cầu mã này, hãy bỏ qua thư này.',
              'Do not share this code with anyone, including BHXH staff. ' +
                'If you did not ask for it, ignore this e-mail.',
            ),
          ),
        ],
      }
    },
    sample: { code: '482913', purpose: 'registration', validMinutes: 5 },
    longest: { code: '12345678', purpose: 'child_registration', validMinutes: 30 },
  }),

  dossier_received: defineTemplate({
    variables: DossierReceivedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ dossierNumber, officeName, paperDeadline }, language) => {
      if (vi(language)) {
        const head = `${officeName} đã tiếp nhận hồ sơ số ${dossierNumber}. `
        return paperDeadline
          ? `${head}Vui lòng mang CCCD hoặc hộ chiếu đến nơi tiếp nhận trước ngày ${formatDateVi(paperDeadline)} ` +
              `để hoàn tất; quá hạn hồ sơ sẽ tự động bị hủy. Hỗ trợ: ${AGENCY_HOTLINE}.`
          : `${head}Kết quả sẽ được thông báo qua tin nhắn. Hỗ trợ: ${AGENCY_HOTLINE}.`
      }
      const head = `${officeName} has received dossier no. ${dossierNumber}. `
      return paperDeadline
        ? `${head}Please bring your citizen ID card or passport to the office before ${formatDateVi(paperDeadline)} ` +
            `to complete it; after that it is cancelled. Help: ${AGENCY_HOTLINE}.`
        : `${head}You will be told the result by SMS. Help: ${AGENCY_HOTLINE}.`
    },
    content: ({ dossierNumber, officeName, officeAddress, paperDeadline }, language) => {
      const say = sayIn(language)
      return {
        subject: say(`Đã tiếp nhận hồ sơ số ${dossierNumber}`, `Dossier no. ${dossierNumber} received`),
        blocks: [
          paragraph(
            say(
              'Cơ quan BHXH đã tiếp nhận hồ sơ của bạn.',
              'The social insurance office has received your dossier.',
            ),
          ),
          facts(
            [say('Số hồ sơ', 'Dossier number'), dossierNumber],
            [say('Cơ quan BHXH tiếp nhận', 'Receiving office'), officeName],
            [say('Địa chỉ', 'Address'), officeAddress],
            [say('Hạn nộp hồ sơ giấy', 'Bring papers by'), paperDeadline && formatDateVi(paperDeadline)],
          ),
          paragraph(
            paperDeadline
              ? say(
                  `Vui lòng mang CCCD (hoặc hộ chiếu) đến ${officeName} trước ngày ${formatDateVi(paperDeadline)} ` +
                    'để cán bộ đối chiếu và hoàn tất hồ sơ. Sau thời hạn này, hồ sơ sẽ tự động bị hủy.',
                  `Please bring your citizen ID card (or passport) to ${officeName} before ${formatDateVi(paperDeadline)} ` +
                    'so that the staff can check it and complete your dossier. After that date the dossier is cancelled.',
                )
              : say(
                  'Hồ sơ đang được xử lý. Bạn sẽ nhận được thông báo khi có kết quả.',
                  'Your dossier is being processed. You will be told the result.',
                ),
          ),
        ],
      }
    },
    sample: {
      dossierNumber: '07915-2026-000123',
      officeName: 'BHXH Quận 5',
      officeAddress: '4 Đường số 2, Phường 4, Quận 5, TP. Hồ Chí Minh',
      paperDeadline: '2026-12-03',
    },
    longest: {
      dossierNumber: LONGEST_DOSSIER,
      officeName: LONGEST_OFFICE,
      officeAddress: LONGEST_ADDRESS,
      paperDeadline: '2026-12-31',
    },
  }),

  account_created: defineTemplate({
    variables: AccountCreatedVariables,
    channels: ['sms', 'email'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    // One line per item: a password may end in "." and must not run into the sentence.
    sms: ({ bhxhCode, temporaryPassword }, language) =>
      vi(language)
        ? `Tài khoản VssID của bạn đã được cấp.\nTên đăng nhập: ${maskBhxhCode(bhxhCode)} (mã số BHXH)\n` +
          `Mật khẩu: ${temporaryPassword}\nHãy đổi mật khẩu khi đăng nhập lần đầu, không cung cấp cho ai.`
        : `Your VssID account is ready.\nUsername: ${maskBhxhCode(bhxhCode)} (your social insurance code)\n` +
          `Password: ${temporaryPassword}\nChange it at your first sign-in and never share it.`,
    content: ({ bhxhCode, temporaryPassword }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          'Tài khoản giao dịch điện tử với cơ quan BHXH đã được cấp',
          'Your e-transaction account with BHXH is ready',
        ),
        blocks: [
          paragraph(
            say(
              'Hồ sơ đăng ký giao dịch điện tử của bạn đã được chấp thuận. Thông tin đăng nhập ứng dụng VssID:',
              'Your registration for e-transactions was approved. To sign in to the VssID app:',
            ),
          ),
          facts([
            say('Tên đăng nhập', 'Username'),
            say(
              `${maskBhxhCode(bhxhCode)} (mã số BHXH của bạn)`,
              `${maskBhxhCode(bhxhCode)} (your social insurance code)`,
            ),
          ]),
          paragraph(say('Mật khẩu đăng nhập lần đầu:', 'Password for your first sign-in:')),
          { type: 'code', text: temporaryPassword },
          paragraph(
            say(
              'Khi đăng nhập lần đầu, ứng dụng sẽ yêu cầu bạn đổi mật khẩu. Hãy đổi mật khẩu ít nhất 6 tháng ' +
                'một lần và không cung cấp mật khẩu cho bất kỳ ai.',
              'At your first sign-in the app asks you to choose a new password. Change it at least every ' +
                '6 months and never share it.',
            ),
          ),
        ],
      }
    },
    ...temporaryPasswordExamples,
  }),

  dossier_rejected: defineTemplate({
    variables: DossierRejectedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 3,
    smsDiacritics: false,
    sms: ({ dossierNumber, reason }, language, fit) =>
      fit(
        (shown) =>
          vi(language)
            ? `Hồ sơ số ${dossierNumber} không được chấp nhận. Lý do: ${shown}. ` +
              `Vui lòng hoàn chỉnh thông tin và nộp lại, hoặc gọi ${AGENCY_HOTLINE}.`
            : `Dossier no. ${dossierNumber} was not accepted. Reason: ${shown}. ` +
              `Please correct it and submit again, or call ${AGENCY_HOTLINE}.`,
        withoutFinalStop(maskLongNumbers(reason)),
      ),
    content: ({ dossierNumber, reason }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          `Hồ sơ số ${dossierNumber} không được chấp nhận`,
          `Dossier no. ${dossierNumber} was not accepted`,
        ),
        blocks: [
          paragraph(
            say(
              'Cơ quan BHXH không chấp nhận hồ sơ của bạn.',
              'The social insurance office did not accept your dossier.',
            ),
          ),
          facts(
            [say('Số hồ sơ', 'Dossier number'), dossierNumber],
            [say('Lý do', 'Reason'), maskLongNumbers(reason)],
          ),
          paragraph(
            say(
              'Căn cứ lý do trên, vui lòng hoàn chỉnh thông tin và nộp lại hồ sơ, ' +
                'hoặc liên hệ cơ quan BHXH nơi gần nhất.',
              'Please correct the information and submit again, or contact the nearest office.',
            ),
          ),
        ],
      }
    },
    sample: {
      dossierNumber: '07915-2026-000123',
      reason: 'Ảnh CCCD mặt sau bị mờ, không đọc được thông tin.',
    },
    // Extension-table characters count 2 and the emoji cannot be sent: the worst a reason can be.
    // (zod measures length in code points, hence Array.from.)
    longest: {
      dossierNumber: LONGEST_DOSSIER,
      reason: Array.from(`Ảnh [mặt trước] {mờ} €😀 ${'ư'.repeat(500)}`)
        .slice(0, 500)
        .join(''),
    },
  }),

  password_changed: defineTemplate({
    variables: PasswordChangedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 1,
    smsDiacritics: false,
    sms: ({ changedAt }, language) =>
      vi(language)
        ? `Mật khẩu tài khoản VssID của bạn đã được đổi lúc ${momentText(changedAt, language)}. ` +
          `Nếu không phải bạn thực hiện, hãy gọi ngay ${AGENCY_HOTLINE}.`
        : `The password of your VssID account was changed at ${momentText(changedAt, language)}. ` +
          `If this was not you, call ${AGENCY_HOTLINE} now.`,
    content: ({ changedAt }, language) => {
      const say = sayIn(language)
      const at = momentText(changedAt, language)
      return {
        subject: say('Mật khẩu tài khoản VssID đã được thay đổi', 'Your VssID password was changed'),
        blocks: [
          paragraph(
            say(
              `Mật khẩu tài khoản VssID của bạn đã được đổi lúc ${at}.`,
              `The password of your VssID account was changed at ${at}.`,
            ),
          ),
          paragraph(
            say(
              `Nếu không phải bạn thực hiện, hãy gọi ngay tổng đài ${AGENCY_HOTLINE} để được hỗ trợ khóa tài khoản.`,
              `If this was not you, call the hotline ${AGENCY_HOTLINE} now to have the account locked.`,
            ),
          ),
        ],
      }
    },
    sample: { changedAt: '2026-11-20T07:05:00Z' },
    longest: { changedAt: '2026-12-31T16:59:59Z' },
  }),

  device_changed: defineTemplate({
    variables: DeviceChangedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ changedAt, deviceName }, language) =>
      vi(language)
        ? `Tài khoản VssID của bạn vừa được chuyển sang thiết bị mới${deviceName ? ` (${deviceName})` : ''} ` +
          `lúc ${momentText(changedAt, language)}. Nếu không phải bạn, hãy gọi ngay ${AGENCY_HOTLINE}.`
        : `Your VssID account was moved to a new device${deviceName ? ` (${deviceName})` : ''} ` +
          `at ${momentText(changedAt, language)}. If this was not you, call ${AGENCY_HOTLINE} now.`,
    content: ({ changedAt, deviceName }, language) => {
      const say = sayIn(language)
      const at = momentText(changedAt, language)
      return {
        subject: say(
          'Tài khoản VssID đã chuyển sang thiết bị mới',
          'Your VssID account moved to a new device',
        ),
        blocks: [
          paragraph(
            say(
              `Tài khoản VssID của bạn vừa được chuyển sang thiết bị mới lúc ${at}.`,
              `Your VssID account was moved to a new device at ${at}.`,
            ),
          ),
          ...(deviceName ? [facts([say('Thiết bị', 'Device'), deviceName])] : []),
          paragraph(
            say(
              'Ứng dụng trên thiết bị cũ đã bị đăng xuất. Nếu không phải bạn thực hiện, hãy gọi ngay ' +
                `tổng đài ${AGENCY_HOTLINE} để được hỗ trợ khóa tài khoản.`,
              'The app on the old device was signed out. If this was not you, call the hotline ' +
                `${AGENCY_HOTLINE} now to have the account locked.`,
            ),
          ),
        ],
      }
    },
    sample: { changedAt: '2026-11-20T07:05:00Z', deviceName: 'Samsung Galaxy A54' },
    longest: { changedAt: '2026-12-31T16:59:59Z', deviceName: 'W'.repeat(40) },
  }),

  passkey_added: defineTemplate({
    variables: DeviceChangedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ changedAt, deviceName }, language) =>
      vi(language)
        ? `Tài khoản VssID của bạn vừa bật đăng nhập bằng vân tay/khuôn mặt${deviceName ? ` trên ${deviceName}` : ''} ` +
          `lúc ${momentText(changedAt, language)}. Nếu không phải bạn, hãy gọi ngay ${AGENCY_HOTLINE}.`
        : `Fingerprint / face sign-in was turned on for your VssID account${deviceName ? ` on ${deviceName}` : ''} ` +
          `at ${momentText(changedAt, language)}. If this was not you, call ${AGENCY_HOTLINE} now.`,
    content: ({ changedAt, deviceName }, language) => {
      const say = sayIn(language)
      const at = momentText(changedAt, language)
      return {
        subject: say('Đã bật đăng nhập bằng vân tay/khuôn mặt', 'Fingerprint / face sign-in turned on'),
        blocks: [
          paragraph(
            say(
              `Tài khoản VssID của bạn vừa bật đăng nhập bằng vân tay/khuôn mặt (passkey) lúc ${at}.`,
              `Fingerprint / face sign-in (a passkey) was turned on for your VssID account at ${at}.`,
            ),
          ),
          ...(deviceName ? [facts([say('Thiết bị', 'Device'), deviceName])] : []),
          paragraph(
            say(
              'Nếu không phải bạn thực hiện, hãy xóa passkey trong "Thiết bị" của ứng dụng, đổi mật khẩu và gọi ' +
                `tổng đài ${AGENCY_HOTLINE}.`,
              'If this was not you, remove the passkey under "Devices" in the app, change your password and ' +
                `call the hotline ${AGENCY_HOTLINE}.`,
            ),
          ),
        ],
      }
    },
    sample: { changedAt: '2026-11-20T07:05:00Z', deviceName: 'Samsung Galaxy A54' },
    longest: { changedAt: '2026-12-31T16:59:59Z', deviceName: 'W'.repeat(40) },
  }),

  dossier_expired: defineTemplate({
    variables: DossierExpiredVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ dossierNumber, officeName, deadline }, language) =>
      vi(language)
        ? `Hồ sơ số ${dossierNumber} đã bị hủy vì ${officeName} chưa nhận được hồ sơ giấy đến hết ngày ` +
          `${formatDateVi(deadline)}. Nếu vẫn cần tài khoản, vui lòng đăng ký lại. Hỗ trợ: ${AGENCY_HOTLINE}.`
        : `Dossier no. ${dossierNumber} was cancelled: ${officeName} had not received the papers by ` +
          `${formatDateVi(deadline)}. To get an account, please register again. Help: ${AGENCY_HOTLINE}.`,
    content: ({ dossierNumber, officeName, deadline }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          `Hồ sơ số ${dossierNumber} đã bị hủy do quá hạn`,
          `Dossier no. ${dossierNumber} cancelled: papers not received in time`,
        ),
        blocks: [
          paragraph(
            say(
              `Hồ sơ số ${dossierNumber} đã tự động bị hủy vì ${officeName} chưa nhận được hồ sơ giấy ` +
                `đến hết ngày ${formatDateVi(deadline)}. Ảnh và thông tin đã kê khai đã được xóa.`,
              `Dossier no. ${dossierNumber} was cancelled automatically: ${officeName} had not received ` +
                `the papers by the end of ${formatDateVi(deadline)}. Its photos and details were deleted.`,
            ),
          ),
          paragraph(
            say(
              'Nếu vẫn cần tài khoản giao dịch điện tử, vui lòng đăng ký lại.',
              'If you still need an e-transaction account, please register again.',
            ),
          ),
        ],
      }
    },
    sample: { dossierNumber: '07915-2612-0000042', officeName: 'BHXH Quận 5', deadline: '2026-12-11' },
    longest: { dossierNumber: 'A'.repeat(30), officeName: `B${'W'.repeat(59)}`, deadline: '2026-12-31' },
  }),

  bhxh_code_needed: defineTemplate({
    variables: BhxhCodeNeededVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ dossierNumber, officeName }, language) =>
      vi(language)
        ? `Hồ sơ số ${dossierNumber}: mã số BHXH hoặc họ tên chưa khớp với dữ liệu quản lý. Vui lòng đến ` +
          `${officeName} kê khai cấp mã số BHXH (tờ khai TK1-TS). Hỗ trợ: ${AGENCY_HOTLINE}.`
        : `Dossier no. ${dossierNumber}: the BHXH code or name does not match our records. Please ask ` +
          `${officeName} for a BHXH code (form TK1-TS). Help: ${AGENCY_HOTLINE}.`,
    content: ({ dossierNumber, officeName }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          `Hồ sơ số ${dossierNumber}: cần cấp mã số BHXH`,
          `Dossier no. ${dossierNumber}: a BHXH code is needed`,
        ),
        blocks: [
          paragraph(
            say(
              'Hồ sơ đăng ký giao dịch điện tử của bạn hợp lệ, nhưng mã số BHXH hoặc họ tên đã kê khai chưa khớp ' +
                'với dữ liệu của cơ quan BHXH, nên chưa thể cấp tài khoản.',
              'Your registration is valid, but the BHXH code or name you gave does not match our records, ' +
                'so no account could be issued yet.',
            ),
          ),
          paragraph(
            say(
              `Vui lòng đến ${officeName} (mang CCCD) để kê khai thủ tục cấp mã số BHXH theo tờ khai TK1-TS; ` +
                'sau khi có mã số, hãy đăng ký lại.',
              `Please go to ${officeName} with your ID card to apply for a BHXH code (form TK1-TS), then register again.`,
            ),
          ),
        ],
      }
    },
    sample: { dossierNumber: '07915-2612-0000042', officeName: 'BHXH Quận 5' },
    longest: { dossierNumber: 'A'.repeat(30), officeName: `B${'W'.repeat(59)}` },
  }),

  account_request_approved: defineTemplate({
    variables: AccountRequestApprovedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ dossierNumber, outcome }, language) =>
      vi(language)
        ? `Hồ sơ số ${dossierNumber} đã được duyệt. ${accountRequestSentences.vi[outcome]} Hỗ trợ: ${AGENCY_HOTLINE}.`
        : `Dossier no. ${dossierNumber} was approved. ${accountRequestSentences.en[outcome]} Help: ${AGENCY_HOTLINE}.`,
    content: ({ dossierNumber, outcome }, language) => {
      const say = sayIn(language)
      return {
        subject: say(`Hồ sơ số ${dossierNumber} đã được duyệt`, `Dossier no. ${dossierNumber} approved`),
        blocks: [
          paragraph(accountRequestSentences[language][outcome]),
          paragraph(
            say(
              `Nếu bạn không thực hiện yêu cầu này, hãy gọi ngay ${AGENCY_HOTLINE}.`,
              `If you did not make this request, call ${AGENCY_HOTLINE} at once.`,
            ),
          ),
        ],
      }
    },
    sample: { dossierNumber: '07915-2612-0000042', outcome: 'contact_changed' },
    longest: { dossierNumber: 'A'.repeat(30), outcome: 'child_linked' },
  }),

  password_reset_by_office: defineTemplate({
    variables: AccountCreatedVariables,
    channels: ['sms', 'email'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ bhxhCode, temporaryPassword }, language) =>
      vi(language)
        ? `Cơ quan BHXH đã cấp lại mật khẩu VssID theo yêu cầu của bạn.\nTên đăng nhập: ${maskBhxhCode(bhxhCode)}\n` +
          `Mật khẩu: ${temporaryPassword}\nHãy đổi mật khẩu khi đăng nhập, không cung cấp cho ai.`
        : `BHXH has reset your VssID password at your request.\nUsername: ${maskBhxhCode(bhxhCode)}\n` +
          `Password: ${temporaryPassword}\nChange it when you sign in and never share it.`,
    content: ({ bhxhCode, temporaryPassword }, language) => {
      const say = sayIn(language)
      return {
        subject: say('Mật khẩu VssID đã được cấp lại', 'Your VssID password was reset'),
        blocks: [
          paragraph(
            say(
              'Theo yêu cầu của bạn, cơ quan BHXH đã cấp lại mật khẩu; mọi thiết bị đang đăng nhập đã bị đăng xuất.',
              'At your request, the BHXH office has reset your password; every signed-in device was signed out.',
            ),
          ),
          facts([say('Tên đăng nhập', 'Username'), maskBhxhCode(bhxhCode)]),
          { type: 'code', text: temporaryPassword },
          paragraph(
            say(
              `Hãy đổi mật khẩu khi đăng nhập. Nếu bạn không yêu cầu, hãy gọi ngay ${AGENCY_HOTLINE}.`,
              `Change it when you sign in. If you did not ask for this, call ${AGENCY_HOTLINE} at once.`,
            ),
          ),
        ],
      }
    },
    ...temporaryPasswordExamples,
  }),

  paper_dossier_reminder: defineTemplate({
    variables: PaperDossierReminderVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ dossierNumber, officeName, deadline }, language) =>
      vi(language)
        ? `Nhắc: hồ sơ số ${dossierNumber} chưa hoàn tất. Vui lòng mang CCCD hoặc hộ chiếu đến ${officeName} ` +
          `trước ngày ${formatDateVi(deadline)}; quá hạn hồ sơ sẽ tự động bị hủy. Hỗ trợ: ${AGENCY_HOTLINE}.`
        : `Reminder: dossier no. ${dossierNumber} is not complete. Please bring your citizen ID card or passport ` +
          `to ${officeName} before ${formatDateVi(deadline)}; after that it is cancelled. Help: ${AGENCY_HOTLINE}.`,
    content: ({ dossierNumber, officeName, officeAddress, deadline }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          `Nhắc nộp hồ sơ giấy: hồ sơ số ${dossierNumber}`,
          `Reminder: bring the papers for dossier no. ${dossierNumber}`,
        ),
        blocks: [
          paragraph(
            say(
              `Hồ sơ số ${dossierNumber} của bạn chưa hoàn tất vì cơ quan BHXH chưa nhận được hồ sơ giấy.`,
              `Your dossier no. ${dossierNumber} is not complete: the office has not received the papers yet.`,
            ),
          ),
          facts(
            [say('Cơ quan BHXH tiếp nhận', 'Receiving office'), officeName],
            [say('Địa chỉ', 'Address'), officeAddress],
            [say('Hạn nộp', 'Deadline'), formatDateVi(deadline)],
          ),
          paragraph(
            say(
              `Vui lòng mang CCCD (hoặc hộ chiếu) đến ${officeName} trước ngày ${formatDateVi(deadline)}. ` +
                'Sau thời hạn này, hồ sơ sẽ tự động bị hủy và bạn cần đăng ký lại.',
              `Please bring your citizen ID card (or passport) to ${officeName} before ${formatDateVi(deadline)}. ` +
                'After that date the dossier is cancelled and you need to register again.',
            ),
          ),
        ],
      }
    },
    sample: {
      dossierNumber: '07915-2026-000123',
      officeName: 'BHXH Quận 5',
      officeAddress: '4 Đường số 2, Phường 4, Quận 5, TP. Hồ Chí Minh',
      deadline: '2026-12-03',
    },
    longest: {
      dossierNumber: LONGEST_DOSSIER,
      officeName: LONGEST_OFFICE,
      officeAddress: LONGEST_ADDRESS,
      deadline: '2026-12-31',
    },
  }),

  feedback_received: defineTemplate({
    variables: FeedbackReceivedVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ feedbackCode, officeName }, language) =>
      vi(language)
        ? `${officeName} da tiep nhan phan anh, kien nghi cua ban. Ma phan anh: ${feedbackCode}. Tra cuu ket qua bang ` +
          `ma nay va so dien thoai cua ban trong ung dung VssID (Ho tro). Ho tro: ${AGENCY_HOTLINE}.`
        : `${officeName} has received your feedback. Tracking code: ${feedbackCode}. Look up the answer with this ` +
          `code and your phone number in the VssID app (Support). Help: ${AGENCY_HOTLINE}.`,
    content: ({ feedbackCode, officeName }, language) => {
      const say = sayIn(language)
      return {
        subject: say(`Đã tiếp nhận phản ánh ${feedbackCode}`, `Feedback ${feedbackCode} received`),
        blocks: [
          paragraph(
            say(
              'Cơ quan BHXH đã tiếp nhận phản ánh, kiến nghị của bạn.',
              'The social insurance office has received your feedback.',
            ),
          ),
          facts(
            [say('Mã phản ánh', 'Tracking code'), feedbackCode],
            [say('Nơi xử lý', 'Handled by'), officeName],
          ),
          paragraph(
            say(
              'Bạn có thể tra cứu kết quả bằng mã phản ánh và số điện thoại đã khai trong ứng dụng VssID ' +
                '(Hỗ trợ → Phản ánh kiến nghị). Khi có câu trả lời, bạn sẽ nhận được tin nhắn.',
              'Look up the answer with the tracking code and the phone number you gave in the VssID app ' +
                '(Support → Feedback). You will get a message when it is answered.',
            ),
          ),
        ],
      }
    },
    sample: { feedbackCode: 'PA-7K3M9QXT2C', officeName: 'BHXH Thành phố Hồ Chí Minh' },
    longest: { feedbackCode: 'PA-WWWWWWWWWW', officeName: `B${'W'.repeat(59)}` },
  }),

  feedback_answered: defineTemplate({
    variables: FeedbackAnsweredVariables,
    channels: ['sms', 'email', 'inbox'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ feedbackCode, answer }, language, fit) =>
      fit(
        (shown) =>
          vi(language)
            ? `Phan anh ${feedbackCode} da duoc tra loi: ${shown}. Xem day du trong ung dung VssID (Ho tro).`
            : `Feedback ${feedbackCode} was answered: ${shown}. Read it all in the VssID app (Support).`,
        withoutFinalStop(maskLongNumbers(answer.replace(/\s+/g, ' '))),
      ),
    content: ({ feedbackCode, answer }, language) => {
      const say = sayIn(language)
      return {
        subject: say(`Trả lời phản ánh ${feedbackCode}`, `Answer to feedback ${feedbackCode}`),
        blocks: [
          paragraph(
            say(
              `Cơ quan BHXH đã trả lời phản ánh, kiến nghị ${feedbackCode} của bạn:`,
              `The social insurance office has answered your feedback ${feedbackCode}:`,
            ),
          ),
          ...maskLongNumbers(answer)
            .split(/\n+/)
            .map((line) => paragraph(line)),
          paragraph(
            say(
              `Nếu cần hỗ trợ thêm, vui lòng gọi ${AGENCY_HOTLINE}.`,
              `If you need more help, call ${AGENCY_HOTLINE}.`,
            ),
          ),
        ],
      }
    },
    sample: {
      feedbackCode: 'PA-7K3M9QXT2C',
      answer:
        'Quá trình tham gia tháng 03/2026 của bạn đã được đơn vị bổ sung; thông tin sẽ cập nhật trong 5 ngày làm việc.',
    },
    longest: {
      feedbackCode: 'PA-WWWWWWWWWW',
      answer: Array.from(`Trả lời [chi tiết] {mờ} €😀 ${'ư'.repeat(4000)}`)
        .slice(0, 4000)
        .join(''),
    },
  }),
  // Sent by an organisation to a member who has not registered yet (seed 000: the schools push their
  // staff and pupils towards 100 %). No name and no code: the organisation is the only context needed.
  organisation_reminder: defineTemplate({
    variables: OrganisationReminderVariables,
    channels: ['sms', 'email'],
    maxSmsSegments: 2,
    smsDiacritics: false,
    sms: ({ organisationName, optOutUrl }, language, fit) =>
      vi(language)
        ? fit(
            (name) =>
              `${name} nhắc bạn đăng ký tài khoản giao dịch điện tử BHXH và cài ứng dụng VssID. ` +
              `Hỗ trợ: ${AGENCY_HOTLINE}. Ngừng nhận tin nhắc: ${optOutUrl}`,
            organisationName,
          )
        : fit(
            (name) =>
              `${name} reminds you to register for BHXH e-transactions and install the VssID app. ` +
              `Help: ${AGENCY_HOTLINE}. Stop these reminders: ${optOutUrl}`,
            organisationName,
          ),
    content: ({ organisationName, optOutUrl }, language) => {
      const say = sayIn(language)
      return {
        subject: say(
          'Nhắc đăng ký tài khoản giao dịch điện tử BHXH và cài ứng dụng VssID',
          'Reminder: register for BHXH e-transactions and install VssID',
        ),
        blocks: [
          paragraph(
            say(
              `${organisationName} đề nghị bạn đăng ký tài khoản giao dịch điện tử với cơ quan BHXH và cài đặt ` +
                'ứng dụng VssID – BHXH số, để theo dõi quá trình tham gia, thẻ BHYT và các chế độ của mình.',
              `${organisationName} asks you to register for e-transactions with the social insurance office ` +
                'and install the VssID app, to follow your contributions, health card and benefits.',
            ),
          ),
          paragraph(
            say(
              'Cách đăng ký: tải ứng dụng VssID từ Google Play hoặc App Store, chọn "Đăng ký", kê khai tờ khai ' +
                'mẫu 01, rồi mang CCCD đến cơ quan BHXH đã chọn.',
              'How: get VssID from Google Play or the App Store, choose "Register", fill in form 01, then ' +
                'bring your citizen ID card to the office you chose.',
            ),
          ),
          paragraph(
            say(
              `Nếu không muốn nhận tin nhắc này nữa, mở đường dẫn: ${optOutUrl}`,
              `To stop these reminders, open: ${optOutUrl}`,
            ),
          ),
        ],
      }
    },
    sample: {
      organisationName: 'Trường THCS Trần Bội Cơ',
      optOutUrl: 'https://vssid.example.vn/api/v1/reminders/opt-out/3k9a.AbCdEfGhIjKlMnOpQrStUv',
    },
    longest: {
      organisationName: 'Trường Trung học phổ thông chuyên Lê Hồng Phong - Phân hiệu số'.padEnd(80, 'x'),
      optOutUrl: `https://${'a'.repeat(21)}.example.vn/api/v1/reminders/opt-out/zzzzzzzzzzz.${'W'.repeat(22)}`,
    },
  }),
} satisfies Record<MessageKind, TemplateDefinition<z.ZodType>>

type Templates = typeof templates

/** What `renderMessage` accepts for each kind (defaults applied by the schema may be left out). */
export type MessageVariables = { [K in MessageKind]: z.input<Templates[K]['variables']> }

/** The schema of each kind's variables, e.g. for a form that previews a message. */
export const messageVariableSchemas: { [K in MessageKind]: Templates[K]['variables'] } = Object.fromEntries(
  messageKinds.map((kind) => [kind, templates[kind].variables]),
) as { [K in MessageKind]: Templates[K]['variables'] }

export type MessageTemplateInfo = {
  kind: MessageKind
  channels: readonly MessageChannel[]
  maxSmsSegments: number
  smsDiacritics: boolean
}

export function messageTemplateInfo(kind: MessageKind): MessageTemplateInfo {
  const { channels, maxSmsSegments, smsDiacritics } = templates[kind]
  return { kind, channels, maxSmsSegments, smsDiacritics }
}

/** Preview and test fixtures: realistic variables and the longest ones the schema accepts. */
export function messageTemplateExamples<K extends MessageKind>(
  kind: K,
): { sample: MessageVariables[K]; longest: MessageVariables[K] } {
  const { sample, longest } = templates[kind]
  return { sample, longest } as { sample: MessageVariables[K]; longest: MessageVariables[K] }
}

export type RenderedMessage = {
  /** E-mail subject, or the title of an inbox message. */
  subject?: string
  /** The SMS text, the e-mail's plain-text part, or the inbox message. NFC. */
  text: string
  html?: string
  sms?: { encoding: SmsEncoding; segments: number }
}

/** A template was called wrongly: a bug in the caller, never shown to a person. No values inside. */
export class MessageTemplateError extends Error {
  constructor(
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message)
    this.name = 'MessageTemplateError'
  }
}

/**
 * Renders one message. Validates the variables with the kind's schema and throws a
 * `MessageTemplateError` (naming the fields, never their values) when they are wrong, when the kind
 * is not sent on that channel, or when an SMS would exceed the kind's segments.
 */
export function renderMessage<K extends MessageKind>(
  kind: K,
  channel: MessageChannel,
  language: MessageLanguage,
  variables: MessageVariables[K],
): RenderedMessage {
  // The map is keyed by kind, but TypeScript cannot follow K through it: widen once, here.
  const template = templates[kind] as unknown as TemplateDefinition<z.ZodType<unknown>> | undefined
  if (!template) throw new MessageTemplateError(`unknown message kind ${String(kind)}`)
  if (!template.channels.includes(channel)) {
    throw new MessageTemplateError(`message kind ${kind} is not sent by ${channel}`)
  }
  const parsed = template.variables.safeParse(variables)
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '_root'))]
    throw new MessageTemplateError(`invalid variables for ${kind}: ${fields.join(', ')}`, fields)
  }
  if (channel === 'sms') return renderSms(kind, template, parsed.data, language)
  const content = template.content(parsed.data, language)
  const text = nfc(blocksToText(content.blocks))
  if (channel === 'inbox') return { subject: nfc(content.subject), text }
  return {
    subject: nfc(content.subject),
    text: `${text}\n\n${footerText(language)}`,
    html: nfc(emailHtml(content, language)),
  }
}

function renderSms(
  kind: MessageKind,
  template: TemplateDefinition<z.ZodType<unknown>>,
  variables: unknown,
  language: MessageLanguage,
): RenderedMessage {
  const finish = (text: string) => (template.smsDiacritics ? nfc(text) : toGsm7(text))
  const fits = (text: string) => smsSegments(finish(text)).segments <= template.maxSmsSegments
  const fit: Fit = (build, value) => {
    if (fits(build(value))) return build(value)
    // Longest prefix that still fits, with an ellipsis; shorter is never longer in SMS units.
    const chars = Array.from(value)
    const shortened = (count: number) => build(`${chars.slice(0, count).join('').trimEnd()}...`)
    let low = 0
    let high = chars.length
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (fits(shortened(middle))) low = middle
      else high = middle - 1
    }
    return shortened(low)
  }
  const text = finish(template.sms(variables, language, fit))
  const { encoding, segments } = smsSegments(text)
  if (segments > template.maxSmsSegments) {
    throw new MessageTemplateError(
      `${kind} SMS takes ${segments} segments, more than ${template.maxSmsSegments}`,
    )
  }
  return { text, sms: { encoding, segments } }
}

function nfc(text: string): string {
  return text.normalize('NFC')
}

function blocksToText(blocks: MessageBlock[]): string {
  return blocks
    .map((block) => {
      if (block.type === 'facts') return block.rows.map(([label, value]) => `${label}: ${value}`).join('\n')
      if (block.type === 'code') return `    ${block.text}`
      return block.text
    })
    .join('\n\n')
}

function footerText(language: MessageLanguage): string {
  return vi(language)
    ? `Tổng đài hỗ trợ: ${AGENCY_HOTLINE}. Đây là thư tự động, vui lòng không trả lời.\nBảo hiểm xã hội Việt Nam`
    : `Hotline: ${AGENCY_HOTLINE}. This is an automatic e-mail; please do not reply.\nVietnam Social Security`
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

// Colours chosen for contrast (WCAG AA and better): #1a1a1a and #0b5394 on white, #3d3d3d on #f3f5f7.
const INK = '#1a1a1a'
const BRAND = '#0b5394'
const MUTED = '#3d3d3d'

function blockHtml(block: MessageBlock): string {
  if (block.type === 'paragraph') {
    return `<p style="margin:0 0 16px;">${escapeHtml(block.text)}</p>`
  }
  if (block.type === 'code') {
    return (
      `<p style="margin:0 0 16px;font-family:'Courier New',Courier,monospace;font-size:28px;font-weight:bold;` +
      `letter-spacing:4px;color:${INK};">${escapeHtml(block.text)}</p>`
    )
  }
  const rows = block.rows
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 16px 4px 0;font-weight:normal;` +
        `color:${MUTED};">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0;font-weight:bold;color:${INK};">${escapeHtml(value)}</td></tr>`,
    )
    .join('')
  return `<table style="border-collapse:collapse;margin:0 0 16px;font-size:16px;">${rows}</table>`
}

/** A one-column e-mail with inline styles only (mail clients drop `<style>`), readable without images. */
function emailHtml(content: Content, language: MessageLanguage): string {
  const brand = vi(language) ? 'BẢO HIỂM XÃ HỘI VIỆT NAM · VssID' : 'VIETNAM SOCIAL SECURITY · VssID'
  const footer = vi(language)
    ? `Tổng đài hỗ trợ: <a href="tel:19009068" style="color:${BRAND};">${AGENCY_HOTLINE}</a>. ` +
      'Đây là thư tự động, vui lòng không trả lời.'
    : `Hotline: <a href="tel:19009068" style="color:${BRAND};">${AGENCY_HOTLINE}</a>. ` +
      'This is an automatic e-mail; please do not reply.'
  const subject = escapeHtml(content.subject)
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${subject}</title></head>`,
    '<body style="margin:0;padding:0;background-color:#f3f5f7;">',
    `<div role="article" aria-label="${subject}" lang="${language}" style="max-width:600px;margin:0 auto;` +
      `padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:${INK};">`,
    '<div style="background-color:#ffffff;border-radius:8px;padding:24px;">',
    `<p style="margin:0 0 16px;font-size:14px;font-weight:bold;color:${BRAND};">${brand}</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3;color:${INK};">${subject}</h1>`,
    ...content.blocks.map(blockHtml),
    '</div>',
    `<p style="margin:16px 0 0;font-size:14px;color:${MUTED};">${footer}</p>`,
    '</div>',
    '</body>',
    '</html>',
  ].join('\n')
}

/** Every kind on every channel in both languages, rendered with its sample variables. */
export function previewMessages(): Array<
  {
    kind: MessageKind
    channel: MessageChannel
    language: MessageLanguage
    maxSmsSegments: number
  } & RenderedMessage
> {
  return messageKinds.flatMap((kind) =>
    templates[kind].channels.flatMap((channel) =>
      (['vi', 'en'] as const).map((language) => ({
        kind,
        channel,
        language,
        maxSmsSegments: templates[kind].maxSmsSegments,
        ...renderMessage(kind, channel, language, messageTemplateExamples(kind).sample),
      })),
    ),
  )
}
