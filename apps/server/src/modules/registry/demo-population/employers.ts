import { foldVietnamese } from '@ansinh/domain'
import type { Atlas, ProvinceAtlas } from './addresses'
import { formatAddress, pickStreet } from './addresses'
import type { IdentifierIssuer } from './identifiers'
import type { Random, WeightedPicker } from './prng'
import { weightedPicker } from './prng'
import type { EmployerRow } from './types'

/** What careers need to know about an employer (đơn vị) beyond its row. */
export type EmployerKind = 'enterprise' | 'cooperative' | 'agency' | 'school' | 'hospital'
export type Employer = {
  id: number
  kind: EmployerKind
  /** Card group of its employees: DN enterprises, HC public bodies, HX cooperatives. */
  group: 'DN' | 'HC' | 'HX'
  province: ProvinceAtlas
  managingOfficeCode: string
  /** Civil servants of state agencies do not pay unemployment insurance; everyone else does. */
  paysUnemployment: boolean
  /** Months of contributions the employer currently owes (0 for most). */
  arrearsMonths: number
}

// biome-ignore format: word lists
const brandWords = [
  'Phương Nam', 'Sao Việt', 'Hoàng Long', 'Thành Công', 'Đại Phát', 'An Phú', 'Minh Khang', 'Tân Thành',
  'Bình Minh', 'Hưng Thịnh', 'Phú Gia', 'Việt Tiến', 'Trường Sơn', 'Hải Âu', 'Kim Long', 'Thiên Ân',
  'Sông Hồng', 'Cửu Long', 'Đông Á', 'Nam Việt', 'Hòa Phát', 'Toàn Cầu', 'Ánh Dương', 'Phúc Lộc',
  'Lạc Hồng', 'Đất Việt', 'Vạn Xuân', 'Hồng Hà', 'Mekong', 'Sài Gòn Xanh', 'Tây Bắc', 'Duyên Hải',
]
// biome-ignore format: word lists
const trades = [
  'May mặc', 'Xây dựng', 'Thương mại Dịch vụ', 'Vận tải', 'Chế biến Thủy sản', 'Điện tử', 'Cơ khí',
  'Thực phẩm', 'Công nghệ Thông tin', 'Bất động sản', 'Dược phẩm', 'Da giày', 'Logistics', 'Nhựa',
  'Đầu tư Phát triển', 'Du lịch', 'Nội thất', 'Bao bì', 'Vật liệu Xây dựng', 'Nông sản',
]
const cooperativeTrades = [
  'Nông nghiệp',
  'Dịch vụ Nông nghiệp',
  'Vận tải',
  'Thủy sản',
  'Tiểu thủ công nghiệp',
]
const agencies = [
  'Ủy ban nhân dân',
  'Trung tâm Phục vụ hành chính công',
  'Thuế cơ sở',
  'Kho bạc Nhà nước khu vực',
]
const schoolKinds = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT']
// biome-ignore format: word lists
const schoolNames = [
  'Lê Quý Đôn', 'Nguyễn Du', 'Chu Văn An', 'Trần Phú', 'Lý Thường Kiệt', 'Nguyễn Trãi', 'Võ Thị Sáu',
  'Kim Đồng', 'Hoa Sen', 'Họa Mi', 'Lê Lợi', 'Quang Trung', 'Nguyễn Bỉnh Khiêm', 'Phan Đình Phùng',
]

const kinds = weightedPicker<EmployerKind>([
  ['enterprise', 80],
  ['cooperative', 4],
  ['agency', 6],
  ['school', 7],
  ['hospital', 3],
])

/** The communal part of a name (“Phường Chợ Quán” → “Chợ Quán”), used in names of public bodies. */
function placeName(communeName: string): string {
  return communeName.replace(/^(Phường|Xã|Đặc khu|Thị trấn)\s+/u, '')
}

function employerName(random: Random, kind: EmployerKind, communeName: string, provinceName: string): string {
  const place = placeName(communeName)
  switch (kind) {
    case 'enterprise': {
      const form = random.chance(0.55)
        ? 'Công ty TNHH'
        : random.chance(0.8)
          ? 'Công ty Cổ phần'
          : 'Doanh nghiệp tư nhân'
      return `${form} ${random.pick(trades)} ${random.pick(brandWords)}`
    }
    case 'cooperative':
      return `Hợp tác xã ${random.pick(cooperativeTrades)} ${place}`
    case 'agency': {
      const agency = random.pick(agencies)
      return agency === 'Ủy ban nhân dân' ? `Ủy ban nhân dân ${communeName}` : `${agency} ${place}`
    }
    case 'school':
      return `${random.pick(schoolKinds)} ${random.pick(schoolNames)}`
    case 'hospital':
      return random.chance(0.5) ? `Bệnh viện Đa khoa ${placeName(provinceName)}` : `Trạm Y tế ${communeName}`
  }
}

export type EmployerRoster = {
  rows: EmployerRow[]
  /** Employers of each 2025 province, weighted by size (a few large ones, many small ones). */
  byProvince: Map<string, WeightedPicker<Employer>>
  all: WeightedPicker<Employer>
}

/**
 * About one employer per 40 people (VSS counts ~ 17 M compulsory participants in ~ 400,000 units);
 * sizes follow a Pareto law, so a few factories employ thousands.
 */
export function generateEmployers(
  random: Random,
  atlas: Atlas,
  ids: IdentifierIssuer,
  count: number,
): EmployerRoster {
  const rows: EmployerRow[] = []
  const weighted = new Map<string, (readonly [Employer, number])[]>()
  const all: (readonly [Employer, number])[] = []
  for (let id = 1; id <= count; id++) {
    const province = atlas.provinces.pick(random)
    const kind = kinds.pick(random)
    const commune = random.pick(province.communes)
    const office = random.pick(province.offices)
    const name = employerName(random, kind, commune.fullName, province.name)
    const street = pickStreet(random, commune.fullName, province.code)
    const employer: Employer = {
      id,
      kind,
      group: kind === 'enterprise' ? 'DN' : kind === 'cooperative' ? 'HX' : 'HC',
      province,
      managingOfficeCode: office.code,
      paysUnemployment: kind !== 'agency',
      arrearsMonths: kind === 'enterprise' && random.chance(0.04) ? random.int(1, 9) : 0,
    }
    rows.push({
      id,
      unitCode: ids.unitCode(),
      taxCode: kind === 'enterprise' || kind === 'cooperative' ? ids.taxCode() : null,
      name,
      foldedName: foldVietnamese(name),
      provinceCode: province.code,
      communeCode: commune.code,
      address: formatAddress(street, commune.fullName, province.name),
      managingOfficeCode: office.code,
      status: 'active',
    })
    const size = kind === 'enterprise' ? 1 / (1 - random.next()) ** 0.9 : 2 + random.next() * 4
    const entry = [employer, size] as const
    all.push(entry)
    const list = weighted.get(province.code)
    if (list) list.push(entry)
    else weighted.set(province.code, [entry])
  }
  const byProvince = new Map<string, WeightedPicker<Employer>>()
  for (const [code, entries] of weighted) byProvince.set(code, weightedPicker(entries))
  return { rows, byProvince, all: weightedPicker(all) }
}
