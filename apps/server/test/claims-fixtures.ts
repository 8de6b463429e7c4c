import { asc, eq, sql } from 'drizzle-orm'
import type { Executor } from '../src/db/client'
import { healthCards, medicalFacilities, people } from '../src/db/schema'

/**
 * Hospital claim files (XML 130) for tests and benchmarks: the envelope as hospitals' software
 * writes it (GIAMDINHHS, each HOSO with its XML1 and an XML2, base64), and records drawn from the
 * people and cards of a test database, a share of them wrong in one of several ways.
 */

/** One XML1 (TONG_HOP) record: field name → text. Fields left out are written empty. */
export type Xml1Record = Partial<Record<(typeof xml1Fields)[number], string>>

// QĐ 130/QĐ-BYT table 1 as amended by QĐ 4750/QĐ-BYT, in order (see claims-read.ts).
const xml1Fields = [
  'MA_LK',
  'STT',
  'MA_BN',
  'HO_TEN',
  'SO_CCCD',
  'NGAY_SINH',
  'GIOI_TINH',
  'NHOM_MAU',
  'MA_QUOCTICH',
  'MA_DANTOC',
  'MA_NGHE_NGHIEP',
  'DIA_CHI',
  'MATINH_CU_TRU',
  'MAHUYEN_CU_TRU',
  'MAXA_CU_TRU',
  'DIEN_THOAI',
  'MA_THE_BHYT',
  'MA_DKBD',
  'GT_THE_TU',
  'GT_THE_DEN',
  'NGAY_MIEN_CCT',
  'LY_DO_VV',
  'LY_DO_VNT',
  'MA_LY_DO_VNT',
  'CHAN_DOAN_VAO',
  'CHAN_DOAN_RV',
  'MA_BENH_CHINH',
  'MA_BENH_KT',
  'MA_BENH_YHCT',
  'MA_PTTT_QT',
  'MA_DOITUONG_KCB',
  'MA_NOI_DI',
  'MA_NOI_DEN',
  'MA_TAI_NAN',
  'NGAY_VAO',
  'NGAY_VAO_NOI_TRU',
  'NGAY_RA',
  'GIAY_CHUYEN_TUYEN',
  'SO_NGAY_DTRI',
  'PP_DIEU_TRI',
  'KET_QUA_DTRI',
  'MA_LOAI_RV',
  'GHI_CHU',
  'NGAY_TTOAN',
  'T_THUOC',
  'T_VTYT',
  'T_TONGCHI_BV',
  'T_TONGCHI_BH',
  'T_BNTT',
  'T_BNCCT',
  'T_BHTT',
  'T_NGUONKHAC',
  'T_BHTT_GDV',
  'NAM_QT',
  'THANG_QT',
  'MA_LOAI_KCB',
  'MA_KHOA',
  'MA_CSKCB',
  'MA_KHUVUC',
  'CAN_NANG',
  'CAN_NANG_CON',
  'NAM_NAM_LIEN_TUC',
  'NGAY_TAI_KHAM',
  'MA_HSBA',
  'MA_TTDV',
  'DU_PHONG',
] as const

// Free-text fields hospitals' software tends to wrap in CDATA.
const cdataFields = new Set(['HO_TEN', 'DIA_CHI', 'CHAN_DOAN_VAO', 'CHAN_DOAN_RV', 'LY_DO_VV', 'GHI_CHU'])

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const base64 = (xml: string) => Buffer.from(xml, 'utf8').toString('base64')

export function xml1Document(record: Xml1Record, compact = false): string {
  const fields = xml1Fields.map((name) => {
    const value = record[name] ?? ''
    if (value === '') return compact ? '' : `<${name}/>`
    return cdataFields.has(name)
      ? `<${name}><![CDATA[${value}]]></${name}>`
      : `<${name}>${escapeXml(value)}</${name}>`
  })
  return `<?xml version="1.0" encoding="utf-8"?>\n<TONG_HOP>${fields.join('')}</TONG_HOP>`
}

/** A drug line (XML2) for the record: the reader must skip it. */
function xml2Document(record: Xml1Record): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<CHITIEU_CHITIET_THUOC><DSACH_CHI_TIET_THUOC><CHI_TIET_THUOC><MA_LK>${escapeXml(record.MA_LK ?? '')}</MA_LK><STT>1</STT><MA_THUOC>40.17</MA_THUOC><TEN_THUOC>Paracetamol 500mg</TEN_THUOC><DON_VI_TINH>Viên</DON_VI_TINH><SO_LUONG>10</SO_LUONG><DON_GIA>500</DON_GIA><THANH_TIEN_BV>5000</THANH_TIEN_BV><THANH_TIEN_BH>5000</THANH_TIEN_BH><MA_CSKCB_THUOC/></CHI_TIET_THUOC></DSACH_CHI_TIET_THUOC></CHITIEU_CHITIET_THUOC>`
}

export type ClaimsXmlOptions = {
  /** THONGTINDONVI/MACSKCB; the first record's MA_CSKCB when left out. */
  facilityCode?: string
  /** HOSO (by index) written without their XML1, as a file that lost it would be. */
  withoutXml1?: ReadonlySet<number>
  /**
   * Leave out the empty XML1 fields and the XML2: about 1 KB a HOSO instead of 2.3 KB, so that a
   * benchmark's 100,000 records stay under MAX_IMPORT_BYTES.
   */
  compact?: boolean
}

/** A whole claim file (GIAMDINHHS envelope) for these records, one HOSO each, in this order. */
export function claimsXml(records: readonly Xml1Record[], options: ClaimsXmlOptions = {}): Buffer {
  const facility = options.facilityCode ?? records[0]?.MA_CSKCB ?? ''
  const hoso = records.map((record, index) => {
    const xml1 = options.withoutXml1?.has(index)
      ? ''
      : `<FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE>${base64(xml1Document(record, options.compact))}</NOIDUNGFILE></FILEHOSO>`
    const xml2 = options.compact
      ? ''
      : `<FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>${base64(xml2Document(record))}</NOIDUNGFILE></FILEHOSO>`
    return `<HOSO>${xml1}${xml2}</HOSO>`
  })
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?>
<GIAMDINHHS>
<THONGTINDONVI><MACSKCB>${escapeXml(facility)}</MACSKCB></THONGTINDONVI>
<THONGTINHOSO><NGAYLAP>20261130</NGAYLAP><SOLUONGHOSO>${records.length}</SOLUONGHOSO>
<DANHSACHHOSO>
${hoso.join('\n')}
</DANHSACHHOSO>
</THONGTINHOSO>
<CHUKYDONVI/>
</GIAMDINHHS>
`,
    'utf8',
  )
}

/** The ways a generated record is wrong, and the column its error must name. */
export const claimFaults = {
  unknownCard: 'MA_THE_BHYT',
  badDate: 'NGAY_VAO',
  wrongTotals: 'T_BHTT',
  unknownFacility: 'MA_CSKCB',
  wrongName: 'HO_TEN',
} as const
export type ClaimFault = keyof typeof claimFaults

export type GeneratedClaims = {
  records: Xml1Record[]
  facilityCode: string
  /** The good records: row number (1-based), MA_LK and the person the visit must belong to. */
  good: { rowNumber: number; claimKey: string; personId: number }[]
  /** The bad records: row number, fault and the column its error names. */
  bad: { rowNumber: number; fault: ClaimFault; column: string }[]
}

// biome-ignore format: a table
const diagnoses = [
  ['J06.9', 'Nhiễm trùng đường hô hấp trên cấp'], ['I10', 'Tăng huyết áp vô căn (nguyên phát)'],
  ['E11.9', 'Đái tháo đường type 2 không có biến chứng'], ['K29.7', 'Viêm dạ dày, không đặc hiệu'],
  ['J18.9', 'Viêm phổi, không đặc hiệu'], ['M54.5', 'Đau vùng thắt lưng'], ['A09', 'Tiêu chảy & viêm dạ dày ruột'],
] as const

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** `yyyymmddHHMM` of an instant, in Vietnam time. */
function vietnamStamp(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000)
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}`
}

/** A small deterministic generator (mulberry32), so that a failing test shows the same file again. */
function random(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/**
 * `count` claims of one facility for people of the database who hold a card, about `badShare` of
 * them wrong (evenly spread; faults in turn). Some good records carry the legacy 15-character card
 * number, some two cards joined by ';', some the personal ID as well. Admissions fall in 2025–Oct 2026.
 */
export async function generatedClaims(
  db: Executor,
  options: { count: number; badShare: number; seed?: number; claimPrefix?: string; facilityCode?: string },
): Promise<GeneratedClaims> {
  const next = random(options.seed ?? 130)
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }
  const facilityCode = options.facilityCode ?? (await aFacility(db))
  const holders = await db
    .selectDistinctOn([people.id], {
      personId: people.id,
      fullName: people.fullName,
      personalId: people.personalId,
      gender: people.gender,
      birthYear: people.birthYear,
      birthMonth: people.birthMonth,
      birthDay: people.birthDay,
      cardNumber: healthCards.cardNumber,
      legacyCardNumber: healthCards.legacyCardNumber,
    })
    .from(healthCards)
    .innerJoin(people, eq(people.id, healthCards.personId))
    .where(sql`${people.birthYear} < 2024`)
    .orderBy(asc(people.id), asc(healthCards.validFrom))
    .limit(2_000)
  if (holders.length === 0)
    throw new Error('generatedClaims: the database holds no card holders (seed it first)')

  const step = options.badShare > 0 ? Math.max(1, Math.round(1 / options.badShare)) : Number.POSITIVE_INFINITY
  const faults = Object.keys(claimFaults) as ClaimFault[]
  const prefix = options.claimPrefix ?? 'T130-'
  const from = Date.UTC(2025, 0, 1)
  const span = Date.UTC(2026, 9, 31) - from
  const records: Xml1Record[] = []
  const good: GeneratedClaims['good'] = []
  const bad: GeneratedClaims['bad'] = []
  for (let index = 0; index < options.count; index++) {
    const rowNumber = index + 1
    const holder = pick(holders)
    const claimKey = `${prefix}${pad(rowNumber, 7)}`
    const admitted = new Date(from + Math.floor(next() * span))
    const inpatient = next() < 0.1
    const discharged = new Date(admitted.getTime() + (inpatient ? 3 * 86_400_000 : 45 * 60_000))
    const total = Math.round(100_000 + next() * 4_900_000) + (next() < 0.5 ? 0.5 : 0)
    const patient = Math.round(total * 0.2 * 100) / 100
    const [diagnosisCode, diagnosisName] = pick(diagnoses)
    const birth = `${holder.birthYear}${pad(holder.birthMonth ?? 0)}${pad(holder.birthDay ?? 0)}0000`
    const legacy = index % 3 === 1
    const card = legacy ? holder.legacyCardNumber : holder.cardNumber
    const record: Xml1Record = {
      MA_LK: claimKey,
      STT: String(rowNumber),
      MA_BN: `BN${pad(holder.personId, 8)}`,
      HO_TEN: holder.fullName,
      SO_CCCD: index % 4 === 0 ? (holder.personalId ?? '') : '',
      NGAY_SINH: birth,
      GIOI_TINH: holder.gender === 'male' ? '1' : holder.gender === 'female' ? '2' : '3',
      MA_QUOCTICH: '000',
      MA_DANTOC: '01',
      MA_NGHE_NGHIEP: '00000',
      MA_THE_BHYT: index % 10 === 5 ? `${card};${holder.legacyCardNumber}` : card,
      MA_DKBD: facilityCode,
      CHAN_DOAN_VAO: diagnosisName,
      CHAN_DOAN_RV: diagnosisName,
      MA_BENH_CHINH: diagnosisCode,
      MA_DOITUONG_KCB: '1.1',
      NGAY_VAO: vietnamStamp(admitted),
      NGAY_VAO_NOI_TRU: inpatient ? vietnamStamp(admitted) : '',
      NGAY_RA: vietnamStamp(discharged),
      SO_NGAY_DTRI: inpatient ? '4' : '0',
      KET_QUA_DTRI: '1',
      MA_LOAI_RV: '1',
      T_THUOC: (total * 0.4).toFixed(2),
      T_VTYT: '0',
      T_TONGCHI_BV: total.toFixed(2),
      T_TONGCHI_BH: total.toFixed(2),
      T_BNTT: '0',
      T_BNCCT: patient.toFixed(2),
      T_BHTT: (total - patient).toFixed(2),
      T_NGUONKHAC: '0',
      NAM_QT: String(admitted.getUTCFullYear()),
      THANG_QT: String(admitted.getUTCMonth() + 1),
      MA_LOAI_KCB: inpatient ? '03' : '01',
      MA_KHOA: inpatient ? 'K03' : 'K01',
      MA_CSKCB: facilityCode,
      MA_KHUVUC: '',
      MA_HSBA: `HS${pad(rowNumber, 7)}`,
    }
    if (rowNumber % step === 0) {
      const fault = faults[bad.length % faults.length] ?? 'unknownCard'
      breakRecord(record, fault, index)
      bad.push({ rowNumber, fault, column: claimFaults[fault] })
    } else good.push({ rowNumber, claimKey, personId: holder.personId })
    records.push(record)
  }
  return { records, facilityCode, good, bad }
}

function breakRecord(record: Xml1Record, fault: ClaimFault, index: number) {
  switch (fault) {
    case 'unknownCard': // province code 00 exists on no card
      record.MA_THE_BHYT = `00${pad(index, 8)}`
      record.SO_CCCD = ''
      return
    case 'badDate':
      record.NGAY_VAO = `${record.NGAY_VAO?.slice(0, 4)}1345${record.NGAY_VAO?.slice(8)}`
      return
    case 'wrongTotals':
      record.T_BHTT = record.T_TONGCHI_BV
      return
    case 'unknownFacility':
      record.MA_CSKCB = '99999'
      return
    case 'wrongName':
      record.HO_TEN = 'Lý Thị Không Khớp'
      return
  }
}

async function aFacility(db: Executor): Promise<string> {
  const [facility] = await db
    .select({ code: medicalFacilities.code })
    .from(medicalFacilities)
    .where(eq(medicalFacilities.hasHealthInsuranceContract, true))
    .orderBy(asc(medicalFacilities.code))
    .limit(1)
  if (!facility) throw new Error('generatedClaims: no medical facility in the database')
  return facility.code
}
