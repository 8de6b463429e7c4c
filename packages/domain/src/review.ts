/**
 * The back-office review of registration dossiers (duyệt hồ sơ đăng ký giao dịch điện tử, seed 002
 * Appendix 02): the search, the list, the detail and the decision, shared by the API and the staff app.
 */
import { z } from 'zod'
import { AccountRequestView } from './account-requests'
import { isIsoDate } from './dates'
import { CurrentUnits } from './directory'
import { AccountRequestOutcome } from './message-templates'
import {
  DossierCondition,
  DossierFileKind,
  DossierKind,
  DossierNumber,
  DossierStatus,
  IdDocumentKind,
} from './registration'
import { PersonIdentifier } from './schemas'

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value)
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional())
const isoDay = z.string().refine(isIsoDate, { error: 'Ngày theo dạng yyyy-mm-dd.' })

export const DossierSort = { Newest: 'newest', Oldest: 'oldest' } as const
export type DossierSort = (typeof DossierSort)[keyof typeof DossierSort]

/** "Mở rộng" → "Tra cứu": every filter optional; dates are submission days in Vietnam time. */
export const DossierSearchQuery = z
  .object({
    dossierNumber: optional(DossierNumber),
    /** The person's personal ID (12 digits) or BHXH code (10 digits). */
    person: optional(PersonIdentifier),
    from: optional(isoDay),
    to: optional(isoDay),
    condition: optional(z.enum(DossierCondition)),
    status: optional(z.enum(DossierStatus)),
    kind: optional(z.enum(DossierKind)),
    sort: z.preprocess(emptyToUndefined, z.enum(DossierSort).default('newest')),
    limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(50)),
    cursor: optional(z.string().max(200)),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    error: '"Đến ngày" phải sau "Từ ngày".',
  })
export type DossierSearchQuery = z.infer<typeof DossierSearchQuery>

export const DossierListItem = z.object({
  id: z.number(),
  dossierNumber: z.string(),
  kind: z.enum(DossierKind),
  status: z.enum(DossierStatus),
  condition: z.enum(DossierCondition),
  bhxhCode: z.string(),
  fullName: z.string(),
  officeCode: z.string(),
  submittedAt: z.iso.datetime(),
  /** Null for dossiers filed online from an account (no paper form is due). */
  paperDeadline: z.iso.date().nullable(),
  assignedTo: z.object({ id: z.number(), fullName: z.string() }).nullable(),
})
export type DossierListItem = z.infer<typeof DossierListItem>

export const DossierListPage = z.object({
  items: z.array(DossierListItem),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
  /** How many dossiers match the filters within the staff member's reach. */
  total: z.number(),
})
export type DossierListPage = z.infer<typeof DossierListPage>

export const DossierEventView = z.object({
  kind: z.string(),
  at: z.iso.datetime(),
  actor: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
})

/** One field of the dossier next to the registry's value for the same BHXH code. */
export const RegistryComparison = z.object({
  found: z.boolean(),
  fields: z.array(
    z.object({
      field: z.string(),
      dossier: z.string().nullable(),
      registry: z.string().nullable(),
      differs: z.boolean(),
    }),
  ),
})

/** A photo or scan of the dossier; replaced ones stay listed so the history can show them. */
export const DossierFileView = z.object({
  id: z.number(),
  kind: z.enum(DossierFileKind),
  width: z.number(),
  height: z.number(),
  /** The staff member who added it; null for the person's own photos. */
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime(),
  replacedAt: z.iso.datetime().nullable(),
})
export type DossierFileView = z.infer<typeof DossierFileView>

export const DossierDetail = DossierListItem.extend({
  version: z.number(),
  /** Null for a child's dossier: the birth certificate stands in for an ID document. */
  idKind: z.enum(IdDocumentKind).nullable(),
  idNumber: z.string().nullable(),
  address: z.string(),
  currentUnits: CurrentUnits.nullable().describe(
    'For an address in old (pre-1 Jul 2025) units, the current province and commune(s); null otherwise',
  ),
  phone: z.string(),
  email: z.string().nullable(),
  contactChannel: z.enum(['sms', 'email']),
  office: z.object({ code: z.string(), name: z.string() }),
  decidedAt: z.iso.datetime().nullable(),
  decisionReason: z.string().nullable(),
  photos: z.array(DossierFileView),
  /** Child, change and stop dossiers: what is asked, and the account it concerns. */
  request: AccountRequestView.nullable(),
  history: z.array(DossierEventView),
  registry: RegistryComparison,
})
export type DossierDetail = z.infer<typeof DossierDetail>

/** "Đánh giá hồ sơ": valid, or invalid with a reason; always on the version the reviewer saw. */
export const DossierDecision = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), version: z.int().min(1) }),
  z.object({
    valid: z.literal(false),
    version: z.int().min(1),
    reason: z
      .string({ error: 'Vui lòng nhập lý do hồ sơ không hợp lệ.' })
      .transform((value) => value.normalize('NFC').trim())
      .pipe(
        z
          .string()
          .min(5, { error: 'Vui lòng nhập lý do (ít nhất 5 ký tự).' })
          .max(500, { error: 'Lý do không được quá 500 ký tự.' }),
      ),
  }),
])
export type DossierDecision = z.infer<typeof DossierDecision>

export const DossierVersion = z.object({ version: z.int().min(1) })
export type DossierVersion = z.infer<typeof DossierVersion>

export const DecisionOutcome = {
  AccountCreated: 'account_created', // hợp lệ: account issued, password sent
  NeedsBhxhCode: 'needs_bhxh_code', // hợp lệ, but the code or name is not in the registry
  Rejected: 'rejected', // không hợp lệ: the person is told why
  ...AccountRequestOutcome, // child, change and stop dossiers: what the approval did
} as const
export type DecisionOutcome = (typeof DecisionOutcome)[keyof typeof DecisionOutcome]

export const DecisionResult = z.object({ outcome: z.enum(DecisionOutcome), dossier: DossierDetail })
export type DecisionResult = z.infer<typeof DecisionResult>
