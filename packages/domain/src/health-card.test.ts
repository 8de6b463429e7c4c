import { describe, expect, it } from 'vitest'
import {
  benefitLevels,
  expectedBenefitLevel,
  formatHealthCardNumber,
  type HealthCardGroupCode,
  healthCardGroups,
  isHealthCardGroupCode,
  isHealthCardNumber,
  parseHealthCardNumber,
  parseLegacyHealthCardNumber,
} from './health-card'

const DECISION_1351_CODES = (
  'DN HX CH NN TK HC XK HT TB NO CT XB TN CS QN CA CY XN MS CC CK CB KC HD TE BT HN DT DK XD TS TC TQ TA TY ' +
  'HG LS PV CN HS SV GB GD'
).split(' ')
const LATER_CODES = 'AK TG DS HK ND TH TV TD TU BA LH'.split(' ')

describe('health-card group table', () => {
  it('holds the 43 codes of Decision 1351 and the 11 later codes, nothing else', () => {
    expect(DECISION_1351_CODES).toHaveLength(43)
    expect(Object.keys(healthCardGroups).sort()).toEqual([...DECISION_1351_CODES, ...LATER_CODES].sort())
  })

  it.each([
    [1, 'CC TE'],
    [2, 'CK CB KC HN DT DK XD BT TS AK CT'],
    [3, 'HT TC CN PV TG DS HK'],
    [4, 'DN HX CH NN TK HC XK TB NO XB TN CS XN MS HD TQ TA TY HG LS HS SV GB GD ND TH TV TD TU BA LH'],
    [5, 'QN CA CY'],
  ] as const)('level %i (until 2025): %s', (level, codes) => {
    for (const code of codes.split(' ')) {
      expect(healthCardGroups[code as HealthCardGroupCode].benefitLevel, code).toBe(level)
    }
  })

  it.each(DECISION_1351_CODES)('%s has a known description in both languages', (code) => {
    const group = healthCardGroups[code as HealthCardGroupCode]
    expect(group.descriptionKnown).toBe(true)
    expect(group.descriptionVi.length).toBeGreaterThan(5)
    expect(group.descriptionEn.length).toBeGreaterThan(5)
  })

  it.each([
    ['ZZ', false],
    ['hs', false],
    ['toString', false],
    ['__proto__', false],
    ['HS', true],
    ['LH', true],
  ])('isHealthCardGroupCode(%j) is %s', (code, expected) => {
    expect(isHealthCardGroupCode(code)).toBe(expected)
  })

  it.each([
    ['CN', '2025-12-31', 3],
    ['CN', '2026-01-01', 2],
    ['LH', '2025-06-30', 4],
    ['LH', '2026-02-01', 2],
    ['HS', '2026-06-01', 4],
    ['CT', '2020-01-01', 2],
    ['PV', '2024-01-01', 3],
    ['QN', '2030-01-01', 5],
  ] as const)('expectedBenefitLevel(%s, %s) is %i', (code, on, level) => {
    expect(expectedBenefitLevel(code, on)).toBe(level)
  })
})

describe('benefit levels', () => {
  it.each([
    [1, 100, false, false],
    [2, 100, true, false],
    [3, 95, true, false],
    [4, 80, true, false],
    [5, 100, false, true],
  ] as const)(
    'level %i: fund pays %i%%, capped %s, out of scope %s',
    (level, percent, capped, outOfScope) => {
      expect(benefitLevels[level]).toMatchObject({
        level,
        fundPaysPercent: percent,
        capped,
        coversOutOfScope: outOfScope,
      })
    },
  )
})

describe('parseLegacyHealthCardNumber', () => {
  it.each([
    ['', 'INVALID_HEALTH_CARD_NUMBER', 'Mã thẻ BHYT mẫu cũ gồm 15 ký tự'],
    ['HS401012087881', 'INVALID_HEALTH_CARD_NUMBER', 'Mã thẻ BHYT mẫu cũ gồm 15 ký tự'],
    ['HS40101208788111', 'INVALID_HEALTH_CARD_NUMBER', 'Mã thẻ BHYT mẫu cũ gồm 15 ký tự'],
    ['H54010120878811', 'INVALID_HEALTH_CARD_NUMBER', 'Mã thẻ BHYT mẫu cũ gồm 15 ký tự'],
    ['0111077012', 'INVALID_HEALTH_CARD_NUMBER', 'Mã thẻ BHYT mẫu cũ gồm 15 ký tự'],
    ['HS6010120878811', 'INVALID_HEALTH_CARD_NUMBER', 'mức hưởng'],
    ['HS0010120878811', 'INVALID_HEALTH_CARD_NUMBER', 'mức hưởng'],
    ['ZZ4010120878811', 'UNKNOWN_HEALTH_CARD_GROUP', '"ZZ"'],
  ])('rejects %j with %s', (input, code, message) => {
    const parsed = parseLegacyHealthCardNumber(input)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code)
      expect(parsed.error.message).toContain(message)
    }
  })

  it('reads HS4010120878811 (student, level 4, Hà Nội)', () => {
    expect(parseLegacyHealthCardNumber('HS4010120878811')).toEqual({
      ok: true,
      value: {
        cardNumber: 'HS4010120878811',
        groupCode: 'HS',
        groupDescriptionVi: healthCardGroups.HS.descriptionVi,
        groupDescriptionEn: 'Pupils in the national education system',
        benefitLevel: 4,
        benefitLevelMeaning: benefitLevels[4],
        provinceCode: '01',
        bhxhCode: '0120878811',
      },
    })
  })

  it.each([
    ['hs 4 01 0120878811', 'HS', 4, '01', '0120878811'],
    ['DN4759122135078', 'DN', 4, '75', '9122135078'],
    ['CC1010111077012', 'CC', 1, '01', '0111077012'],
    ['QN5970111077012', 'QN', 5, '97', '0111077012'],
    ['GD4010120152431', 'GD', 4, '01', '0120152431'],
    ['TE1790000000123', 'TE', 1, '79', '0000000123'],
    ['CN3790000000123', 'CN', 3, '79', '0000000123'],
    ['CN2790000000123', 'CN', 2, '79', '0000000123'],
    ['LH2010000000001', 'LH', 2, '01', '0000000001'],
  ])('%j → %s level %i province %s code %s', (input, groupCode, level, provinceCode, bhxhCode) => {
    const parsed = parseLegacyHealthCardNumber(input)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value).toMatchObject({ groupCode, benefitLevel: level, provinceCode, bhxhCode })
      expect(parsed.value.benefitLevelMeaning.level).toBe(level)
    }
  })
})

describe('parseHealthCardNumber', () => {
  it.each([
    '',
    '011107701',
    '01110770123',
    'HS40101208788',
    '123456789012345',
    'ZZ4010120878811',
    '0111077012X',
  ])('rejects %j', (input) => {
    expect(parseHealthCardNumber(input).ok).toBe(false)
    expect(isHealthCardNumber(input)).toBe(false)
  })

  it.each([
    ['0111077012', 'new', '0111077012', '0111077012'],
    [' 0111 077 012 ', 'new', '0111077012', '0111077012'],
    ['HS4010120878811', 'legacy', 'HS4010120878811', '0120878811'],
    ['hs4010120878811', 'legacy', 'HS4010120878811', '0120878811'],
    ['DN 4 75 9122135078', 'legacy', 'DN4759122135078', '9122135078'],
  ])('%j → %s form', (input, form, cardNumber, bhxhCode) => {
    const parsed = parseHealthCardNumber(input)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(parsed.value).toMatchObject({ form, cardNumber, bhxhCode })
      expect(parsed.value.legacy === null).toBe(form === 'new')
    }
  })

  it.each([
    ['HS4010120878811', 'HS 4 01 0120878811'],
    ['0111077012', '0111077012'],
    ['garbage', 'garbage'],
  ])('formatHealthCardNumber(%j) → %j', (input, expected) => {
    expect(formatHealthCardNumber(input)).toBe(expected)
  })
})
