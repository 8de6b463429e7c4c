import { foldVietnamese } from '@ansinh/domain'
import type { Executor } from '../../../db/client'
import { adminUnits, icd10Codes, medicalFacilities, offices } from '../../../db/schema'

/**
 * For tests only: a small slice of the reference data (Hà Nội and Hồ Chí Minh City with a few units,
 * the demo offices, ten facilities, common ICD-10 codes), inserted only where missing. Lets the
 * registry tests run whether or not the full directory data is loaded into the test template.
 */

// [code set, level, code, parent, province, name, unit type]
type Unit = readonly [
  string,
  'province' | 'district' | 'commune',
  string,
  string | null,
  string,
  string,
  string,
]
// biome-ignore format: a table
const units: readonly Unit[] = [
  ['2025-07-01', 'province', '01', null, '01', 'Hà Nội', 'Thành phố'],
  ['2025-07-01', 'province', '79', null, '79', 'Hồ Chí Minh', 'Thành phố'],
  ['2025-07-01', 'commune', '00004', '01', '01', 'Ba Đình', 'Phường'],
  ['2025-07-01', 'commune', '00190', '01', '01', 'Ô Chợ Dừa', 'Phường'],
  ['2025-07-01', 'commune', '00235', '01', '01', 'Đống Đa', 'Phường'],
  ['2025-07-01', 'commune', '00376', '01', '01', 'Sóc Sơn', 'Xã'],
  ['2025-07-01', 'commune', '25777', '79', '79', 'Dầu Tiếng', 'Xã'],
  ['2025-07-01', 'commune', '26740', '79', '79', 'Sài Gòn', 'Phường'],
  ['2025-07-01', 'commune', '27301', '79', '79', 'Chợ Quán', 'Phường'],
  ['2025-07-01', 'commune', '27316', '79', '79', 'An Đông', 'Phường'],
  ['2025-07-01', 'commune', '27343', '79', '79', 'Chợ Lớn', 'Phường'],
  ['2004-2025', 'province', '01', null, '01', 'Hà Nội', 'Thành phố'],
  ['2004-2025', 'province', '74', null, '74', 'Bình Dương', 'Tỉnh'],
  ['2004-2025', 'province', '79', null, '79', 'Hồ Chí Minh', 'Thành phố'],
  ['2004-2025', 'district', '006', '01', '01', 'Đống Đa', 'Quận'],
  ['2004-2025', 'district', '718', '74', '74', 'Thủ Dầu Một', 'Thành phố'],
  ['2004-2025', 'district', '774', '79', '79', '5', 'Quận'],
  ['2004-2025', 'commune', '00178', '006', '01', 'Cát Linh', 'Phường'],
  ['2004-2025', 'commune', '00181', '006', '01', 'Văn Miếu - Quốc Tử Giám', 'Phường'],
  ['2004-2025', 'commune', '00187', '006', '01', 'Láng Thượng', 'Phường'],
  ['2004-2025', 'commune', '25741', '718', '74', 'Hiệp Thành', 'Phường'],
  ['2004-2025', 'commune', '25744', '718', '74', 'Phú Lợi', 'Phường'],
  ['2004-2025', 'commune', '27301', '774', '79', '4', 'Phường'],
  ['2004-2025', 'commune', '27304', '774', '79', '9', 'Phường'],
]

// [code, parent, kind, name, province]
// biome-ignore format: a table
const officeRows = [
  ['000', null, 'central', 'BHXH Việt Nam', '01'],
  ['001', '000', 'province', 'BHXH TP. Hà Nội', '01'],
  ['00106', '001', 'grassroots', 'BHXH cơ sở Đống Đa', '01'],
  ['079', '000', 'province', 'BHXH TP. Hồ Chí Minh', '79'],
  ['07915', '079', 'grassroots', 'BHXH Quận 5', '79'],
] as const

// [code, name, level, legacy province, province, accepts primary registration]
// biome-ignore format: a table
const facilityRows = [
  ['79001', 'Bệnh viện Nhân dân Gia Định', 'province', '79', '79', true],
  ['79002', 'Bệnh viện Từ Dũ', 'province', '79', '79', false],
  ['79011', 'Trung tâm Y tế Quận 1', 'district', '79', '79', true],
  ['79013', 'Trung tâm Y tế quận Gò Vấp', 'district', '79', '79', true],
  ['79C01', 'TYT phường Tân Thới Hiệp', 'commune', '79', '79', true],
  ['74011', 'Trung tâm Y tế thành phố Thủ Dầu Một', 'district', '74', '79', true],
  ['01001', 'Bệnh viện Đa khoa Xanh Pôn', 'province', '01', '01', true],
  ['01002', 'Bệnh viện Phụ sản Hà Nội', 'province', '01', '01', false],
  ['01011', 'Trung tâm Y tế quận Ba Đình', 'district', '01', '01', true],
] as const

// biome-ignore format: a table
const diagnoses = [
  ['A09', 'Tiêu chảy và viêm dạ dày ruột có nguồn gốc nhiễm trùng'], ['A90', 'Sốt Dengue [sốt xuất huyết Dengue cổ điển]'],
  ['E11.9', 'Bệnh đái tháo đường không phụ thuộc insuline, không có biến chứng'], ['I10', 'Tăng huyết áp vô căn (nguyên phát)'],
  ['I63.9', 'Nhồi máu não, không đặc hiệu'], ['J00', 'Viêm mũi họng cấp [cảm thường]'], ['J02.9', 'Viêm họng cấp, không đặc hiệu'],
  ['J06.9', 'Nhiễm trùng đường hô hấp trên cấp'], ['J18.9', 'Viêm phổi, không đặc hiệu'], ['K29.7', 'Viêm dạ dày, không đặc hiệu'],
  ['K35.8', 'Viêm ruột thừa cấp, khác và không đặc hiệu'], ['M54.5', 'Đau lưng vùng thấp'],
  ['N39.0', 'Nhiễm khuẩn đường tiết niệu, vị trí không xác định'], ['O80', 'Đẻ một thai tự nhiên'],
] as const

export async function insertReferenceFixture(db: Executor): Promise<void> {
  await db
    .insert(adminUnits)
    .values(
      units.map(([codeSet, level, code, parentCode, provinceCode, name, unitType]) => {
        const fullName = level === 'district' && /^\d+$/.test(name) ? `Quận ${name}` : `${unitType} ${name}`
        return {
          codeSet: codeSet as '2025-07-01' | '2004-2025',
          level,
          code,
          parentCode,
          provinceCode,
          name,
          fullName,
          foldedName: foldVietnamese(name),
          unitType,
        }
      }),
    )
    .onConflictDoNothing()
  await db
    .insert(offices)
    .values(
      officeRows.map(([code, parentCode, kind, name, provinceCode]) => ({
        code,
        parentCode,
        kind,
        name,
        foldedName: foldVietnamese(name),
        provinceCode,
        validFrom: '2025-07-01',
        synthetic: true,
      })),
    )
    .onConflictDoNothing()
  await db
    .insert(medicalFacilities)
    .values(
      facilityRows.map(([code, name, level, legacyProvinceCode, provinceCode, primary]) => ({
        code,
        name,
        foldedName: foldVietnamese(name),
        level,
        legacyProvinceCode,
        provinceCode,
        hasHealthInsuranceContract: true,
        acceptsPrimaryRegistration: primary,
        issuesSickLeave: true,
        validFrom: '2010-01-01',
        synthetic: true,
      })),
    )
    .onConflictDoNothing()
  await db
    .insert(icd10Codes)
    .values(diagnoses.map(([code, nameVi]) => ({ code, nameVi })))
    .onConflictDoNothing()
}
