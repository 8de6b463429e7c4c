/**
 * Wage floors over time, in đồng per month. Contribution bases must not fall below the floor of their
 * era: the general minimum wage (lương tối thiểu chung) before 2010, the regional minimum wage
 * (lương tối thiểu vùng, regions I–IV) since. The base salary (lương cơ sở) prices household BHYT,
 * state-paid cards and several benefits.
 */

type Step<T> = readonly [fromMonth: number, value: T]

// biome-ignore format: a dated table
const baseSalarySteps: readonly Step<number>[] = [
  [199301, 120_000], [199701, 144_000], [200001, 180_000], [200101, 210_000], [200301, 290_000],
  [200410, 310_000], [200510, 350_000], [200610, 450_000], [200801, 540_000], [200905, 650_000],
  [201005, 730_000], [201105, 830_000], [201205, 1_050_000], [201307, 1_150_000], [201605, 1_210_000],
  [201707, 1_300_000], [201807, 1_390_000], [201907, 1_490_000], [202307, 1_800_000], [202407, 2_340_000],
]

// biome-ignore format: a dated table
const regionalMinimumSteps: readonly Step<readonly [number, number, number, number]>[] = [
  [201001, [980_000, 880_000, 810_000, 730_000]],
  [201101, [1_350_000, 1_200_000, 1_050_000, 830_000]],
  [201110, [2_000_000, 1_780_000, 1_550_000, 1_400_000]],
  [201301, [2_350_000, 2_100_000, 1_800_000, 1_650_000]],
  [201401, [2_700_000, 2_400_000, 2_100_000, 1_900_000]],
  [201501, [3_100_000, 2_750_000, 2_400_000, 2_150_000]],
  [201601, [3_500_000, 3_100_000, 2_700_000, 2_400_000]],
  [201701, [3_750_000, 3_320_000, 2_900_000, 2_580_000]],
  [201801, [3_980_000, 3_530_000, 3_090_000, 2_760_000]],
  [201901, [4_180_000, 3_710_000, 3_250_000, 2_920_000]],
  [202001, [4_420_000, 3_920_000, 3_430_000, 3_070_000]],
  [202207, [4_680_000, 4_160_000, 3_640_000, 3_250_000]],
  [202407, [4_960_000, 4_410_000, 3_860_000, 3_450_000]],
  [202601, [5_310_000, 4_730_000, 4_140_000, 3_700_000]],
]

function valueAt<T>(steps: readonly Step<T>[], yyyymm: number): T {
  let value = (steps[0] as Step<T>)[1]
  for (const [from, stepValue] of steps) {
    if (yyyymm < from) break
    value = stepValue
  }
  return value
}

/** Lương cơ sở in force in a month. */
export function baseSalary(yyyymm: number): number {
  return valueAt(baseSalarySteps, yyyymm)
}

/** The lowest lawful contribution base for an employee in a wage region in a month. */
export function wageFloor(yyyymm: number, region: 1 | 2 | 3 | 4): number {
  if (yyyymm < 201001) return baseSalary(yyyymm)
  return valueAt(regionalMinimumSteps, yyyymm)[region - 1] as number
}

/** Ceiling of the compulsory BHXH contribution base: 20 × lương cơ sở. */
export function contributionCeiling(yyyymm: number): number {
  return 20 * baseSalary(yyyymm)
}

/** Rural poverty line that floors the voluntary BHXH base (700,000 until 2021, 1,500,000 since 2022). */
export function voluntaryFloor(yyyymm: number): number {
  if (yyyymm < 201801) return baseSalary(yyyymm)
  return yyyymm < 202201 ? 700_000 : 1_500_000
}

/** Rounds an amount to whole thousands of đồng, as payrolls do. */
export function roundThousand(amount: number): number {
  return Math.round(amount / 1000) * 1000
}
