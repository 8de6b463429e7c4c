import { daysIn } from './months'
import type { Gender } from './names'
import type { Random } from './prng'

/**
 * Who lives together (hộ gia đình): a sketch of each member before names and histories are drawn.
 * Ages are chosen so that parents were 19–40 when their children were born.
 */
export type MemberSketch = {
  relation: 'chủ hộ' | 'vợ' | 'chồng' | 'con' | 'bố' | 'mẹ'
  gender: Gender
  /** Month index of birth. */
  birthIndex: number
  birthDay: number
  /** Index in the household of the mother and the father, when they live here. */
  motherIndex: number | null
  fatherIndex: number | null
}

export function sketchHousehold(random: Random, asOf: number): MemberSketch[] {
  const roll = random.next()
  const born = (ageYears: number) => asOf - ageYears * 12 - random.int(0, 11)
  const member = (relation: MemberSketch['relation'], gender: Gender, birthIndex: number): MemberSketch => ({
    relation,
    gender,
    birthIndex,
    birthDay: random.int(1, daysIn(birthIndex)),
    motherIndex: null,
    fatherIndex: null,
  })
  if (roll < 0.18) return [member('chủ hộ', random.chance(0.5) ? 'male' : 'female', born(random.int(19, 85)))]
  if (roll < 0.24) {
    // Single parent with one or two children.
    const parent = member('chủ hộ', random.chance(0.8) ? 'female' : 'male', born(random.int(24, 55)))
    return addChildren(
      random,
      [parent],
      parent.gender === 'female' ? 0 : null,
      parent.gender === 'male' ? 0 : null,
      random.int(1, 2),
      asOf,
    )
  }
  const headAge = roll < 0.38 ? random.int(22, 85) : random.int(24, 62)
  const headMale = random.chance(0.75)
  const spouseAge = Math.max(19, headAge + (headMale ? -random.int(0, 6) : random.int(0, 6)))
  const head = member('chủ hộ', headMale ? 'male' : 'female', born(headAge))
  const spouse = member(headMale ? 'vợ' : 'chồng', headMale ? 'female' : 'male', born(spouseAge))
  const members = [head, spouse]
  if (roll < 0.38) return members // couple without children at home
  const withChildren = addChildren(
    random,
    members,
    headMale ? 1 : 0,
    headMale ? 0 : 1,
    random.int(1, 3),
    asOf,
  )
  if (roll >= 0.88) {
    // Three generations: one of the head's parents lives with the family.
    const father = random.chance(0.4)
    withChildren.push(
      member(father ? 'bố' : 'mẹ', father ? 'male' : 'female', born(headAge + random.int(22, 34))),
    )
  }
  return withChildren
}

function addChildren(
  random: Random,
  members: MemberSketch[],
  motherIndex: number | null,
  fatherIndex: number | null,
  count: number,
  asOf: number,
): MemberSketch[] {
  const mother = members[motherIndex ?? fatherIndex ?? 0] as MemberSketch
  let birth = mother.birthIndex + random.int(19, 32) * 12 + random.int(0, 11)
  for (let i = 0; i < count; i++) {
    const ageMonths = asOf - birth
    if (ageMonths < 0) break // not born yet
    if (ageMonths > 30 * 12) {
      birth += random.int(18, 72) // children over 30 have usually left home
      continue
    }
    members.push({
      relation: 'con',
      gender: random.chance(0.51) ? 'male' : 'female',
      birthIndex: birth,
      birthDay: random.int(1, daysIn(birth)),
      motherIndex,
      fatherIndex,
    })
    birth += random.int(18, 72)
  }
  return members
}
