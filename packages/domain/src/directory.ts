/**
 * Answers of the public directory API (administrative units, BHXH offices), shared by the server,
 * which serialises with them, and the apps, which parse with them.
 */
import { z } from 'zod'
import { foldVietnamese } from './text'

export const OfficeKind = { Central: 'central', Province: 'province', Grassroots: 'grassroots' } as const
export type OfficeKind = (typeof OfficeKind)[keyof typeof OfficeKind]

export const AdminUnitView = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  unitType: z.string(),
})
export const ProvinceList = z.object({ items: z.array(AdminUnitView) })
export const CommuneList = z.object({
  items: z.array(AdminUnitView.extend({ parentCode: z.string().nullable() })),
})

/** A unit of the 2025 code set, as shown beside an address recorded in old units. */
export const CurrentUnit = z.object({ code: z.string(), fullName: z.string() })

/**
 * Where an address recorded in old (2004–2025) units lies now: one commune when the old commune went
 * whole into it, every candidate when it was split (the data cannot tell which part the person is in).
 */
export const CurrentUnits = z.object({
  province: CurrentUnit,
  communes: z.array(CurrentUnit).min(1),
  split: z.boolean(),
  /** "Phường Ba Đình, Thành phố Hà Nội", or "Phường X hoặc Xã Y, Tỉnh Z" for a split commune. */
  text: z.string(),
})
export type CurrentUnits = z.infer<typeof CurrentUnits>

export type CommuneSuccessor = { code: string; fullName: string; kind: 'full' | 'partial' }

/**
 * The current units of an old commune from its mapping rows (sáp nhập 1/7/2025). A 'full' row means
 * the whole commune went there; otherwise every part is offered, since guessing would mislead. Null
 * when the mapping knows nothing of the commune.
 */
export function currentUnitsOf(
  province: z.infer<typeof CurrentUnit>,
  successors: readonly CommuneSuccessor[],
): CurrentUnits | null {
  const whole = successors.find((successor) => successor.kind === 'full')
  const chosen = whole ? [whole] : successors
  if (chosen.length === 0) return null
  const communes = chosen.map(({ code, fullName }) => ({ code, fullName }))
  const units = { province, communes, split: communes.length > 1 }
  return { ...units, text: currentUnitsLine({ ...units, text: '' }, 'hoặc') }
}

export const AdminUnitSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, { error: 'Nhập ít nhất 2 ký tự' })
    .max(100)
    .describe('Part of an old or new name, accents optional ("ba che", "Xã Ba Chẽ")'),
  level: z.enum(['province', 'commune']).default('commune'),
  codeSet: z
    .enum(['2004-2025', '2025-07-01'])
    .default('2025-07-01')
    .describe('The code set of the units offered; names of the other set match too'),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số' })
    .optional()
    .describe('Only units of this province (of the offered code set)'),
})
export type AdminUnitSearchQuery = z.infer<typeof AdminUnitSearchQuery>

// Unit types people type before a name; the stored folded name is the bare name ("ba che").
const UNIT_TYPE_PREFIX = /^(?:xa|phuong|thi tran|dac khu|tinh|thanh pho|tp\.?|quan|huyen|thi xa)\s+(?=\S)/

/**
 * The search keys of a typed unit name, folded (no accents, no case): as typed and without a leading
 * unit type, since "Quan Sơn" may be a name and "Quận 1" a type and a name.
 */
export function unitNameKeys(text: string): string[] {
  const folded = foldVietnamese(text)
  return [...new Set([folded, folded.replace(UNIT_TYPE_PREFIX, '')])]
}

/** "Phường X or Phường Y, Thành phố Z" with the screen's word for "or" (hoặc). */
export function currentUnitsLine(units: CurrentUnits, or: string): string {
  return `${units.communes.map((commune) => commune.fullName).join(` ${or} `)}, ${units.province.fullName}`
}

/** One hit of the administrative-unit search (tìm theo tên cũ hoặc tên mới). */
export const AdminUnitHit = AdminUnitView.extend({
  level: z.enum(['province', 'commune']),
  provinceCode: z.string(),
  parentCode: z.string().nullable(),
  /** The unit of the other code set whose name matched (an old name of a new unit, or the reverse). */
  matchedVia: z.object({ code: z.string(), fullName: z.string() }).nullable(),
})
export const AdminUnitSearchResult = z.object({ items: z.array(AdminUnitHit) })
export type AdminUnitHit = z.infer<typeof AdminUnitHit>
export type AdminUnitSearchResult = z.infer<typeof AdminUnitSearchResult>

export type OfficeNode = {
  code: string
  name: string
  kind: OfficeKind
  children: OfficeNode[]
}
export const OfficeNode: z.ZodType<OfficeNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(OfficeKind),
    children: z.array(OfficeNode),
  }),
)
export const OfficeTree = z.object({ items: z.array(OfficeNode) })

export const OfficeView = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  kind: z.enum(OfficeKind),
  name: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  openingHours: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
})

export const OfficeSuggestion = z.object({
  office: OfficeView.pick({ code: true, parentCode: true, name: true, address: true, phone: true })
    .extend({ parentName: z.string().nullable() })
    .nullable(),
})

export type AdminUnitView = z.infer<typeof AdminUnitView>
export type ProvinceList = z.infer<typeof ProvinceList>
export type CommuneList = z.infer<typeof CommuneList>
export type OfficeTree = z.infer<typeof OfficeTree>
export type OfficeView = z.infer<typeof OfficeView>
export type OfficeSuggestion = z.infer<typeof OfficeSuggestion>
