import { asc, eq } from 'drizzle-orm'
import type { Executor } from '../../../db/client'
import { adminUnits, icd10Codes, medicalFacilities, offices } from '../../../db/schema'

/**
 * The slice of the `directory` reference data the generator draws from. Loaded once into memory
 * (a few megabytes) so that generating a million people never queries the database.
 */
export type AdminUnitRef = { code: string; parentCode: string | null; provinceCode: string; fullName: string }
export type OfficeRef = {
  code: string
  parentCode: string | null
  kind: 'central' | 'province' | 'grassroots'
  provinceCode: string | null
  name: string
}
export type FacilityRef = {
  code: string
  provinceCode: string
  level: 'central' | 'province' | 'district' | 'commune'
  acceptsPrimaryRegistration: boolean
}
export type DiagnosisRef = { code: string; name: string }

export type DemoReference = {
  /** 2025 two-level units (code set '2025-07-01'). */
  provinces2025: AdminUnitRef[]
  communes2025: AdminUnitRef[]
  /** Pre-2025 three-level units (code set '2004-2025'): older records still carry them. */
  provincesPre2025: AdminUnitRef[]
  districtsPre2025: AdminUnitRef[]
  communesPre2025: AdminUnitRef[]
  offices: OfficeRef[]
  facilities: FacilityRef[]
  diagnoses: DiagnosisRef[]
}

export async function loadDemoReference(db: Executor): Promise<DemoReference> {
  const units = await db
    .select({
      codeSet: adminUnits.codeSet,
      level: adminUnits.level,
      code: adminUnits.code,
      parentCode: adminUnits.parentCode,
      provinceCode: adminUnits.provinceCode,
      fullName: adminUnits.fullName,
    })
    .from(adminUnits)
    .orderBy(asc(adminUnits.codeSet), asc(adminUnits.level), asc(adminUnits.code))
  const pick = (codeSet: string, level: string) =>
    units
      .filter((unit) => unit.codeSet === codeSet && unit.level === level)
      .map(({ code, parentCode, provinceCode, fullName }) => ({ code, parentCode, provinceCode, fullName }))
  const officeRows = await db
    .select({
      code: offices.code,
      parentCode: offices.parentCode,
      kind: offices.kind,
      provinceCode: offices.provinceCode,
      name: offices.name,
    })
    .from(offices)
    .orderBy(asc(offices.code))
  const facilityRows = await db
    .select({
      code: medicalFacilities.code,
      provinceCode: medicalFacilities.provinceCode,
      level: medicalFacilities.level,
      acceptsPrimaryRegistration: medicalFacilities.acceptsPrimaryRegistration,
    })
    .from(medicalFacilities)
    .where(eq(medicalFacilities.hasHealthInsuranceContract, true))
    .orderBy(asc(medicalFacilities.code))
  const diagnoses = await db
    .select({ code: icd10Codes.code, name: icd10Codes.nameVi })
    .from(icd10Codes)
    .orderBy(asc(icd10Codes.code))
  return {
    provinces2025: pick('2025-07-01', 'province'),
    communes2025: pick('2025-07-01', 'commune'),
    provincesPre2025: pick('2004-2025', 'province'),
    districtsPre2025: pick('2004-2025', 'district'),
    communesPre2025: pick('2004-2025', 'commune'),
    offices: officeRows,
    facilities: facilityRows,
    diagnoses,
  }
}
