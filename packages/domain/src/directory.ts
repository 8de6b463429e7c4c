/**
 * Answers of the public directory API (administrative units, BHXH offices), shared by the server,
 * which serialises with them, and the apps, which parse with them.
 */
import { z } from 'zod'

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
