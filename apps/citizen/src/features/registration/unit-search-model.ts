/**
 * The pure part of the commune search (tìm xã/phường theo tên mới hoặc tên cũ): what is worth asking
 * the server, how its hits read as options, which fields a chosen option fills, and the keyboard's
 * moves through the list. The component (`unit-search.tsx`) only wires these to the screen.
 */
import { AddressCodeSet, type AdminUnitHit } from '@ansinh/domain'

/** The server refuses shorter queries (`AdminUnitSearchQuery`). */
export const minQueryLength = 2

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
export const searchDelayMs = 250

/** The words under an option's name: the other code set's units whose name was the one typed. */
export type MatchedVia = { key: 'formerly' | 'nowIs'; names: string }

export type UnitOption = {
  code: string
  fullName: string
  provinceCode: string
  /** The old district (quận/huyện) of an old commune; null in the 2025 code set. */
  parentCode: string | null
  /** Empty while the provinces list has not arrived. */
  provinceName: string
  via: MatchedVia | null
}

/** The address codes a chosen option stands for, as if picked in the selects one after another. */
export type UnitPatch = {
  codeSet: AddressCodeSet
  provinceCode: string
  districtCode: string
  communeCode: string
}

/** The text to send, or null when it is too short to search. */
export function searchableQuery(text: string): string | null {
  const query = text.trim()
  return query.length >= minQueryLength ? query : null
}

/**
 * One option per unit, in the server's order. A unit may come back once per unit of the other code
 * set that matched (two old wards merged into one new ward); their names are listed together.
 */
export function unitOptions(
  hits: readonly AdminUnitHit[],
  codeSet: AddressCodeSet,
  provinceNames: ReadonlyMap<string, string>,
): UnitOption[] {
  const key = codeSet === AddressCodeSet.Current ? 'formerly' : 'nowIs'
  const byCode = new Map<string, { option: UnitOption; via: string[] }>()
  for (const hit of hits) {
    let entry = byCode.get(hit.code)
    if (!entry) {
      entry = {
        option: {
          code: hit.code,
          fullName: hit.fullName,
          provinceCode: hit.provinceCode,
          parentCode: hit.parentCode,
          provinceName: provinceNames.get(hit.provinceCode) ?? '',
          via: null,
        },
        via: [],
      }
      byCode.set(hit.code, entry)
    }
    if (hit.matchedVia && !entry.via.includes(hit.matchedVia.fullName))
      entry.via.push(hit.matchedVia.fullName)
  }
  return [...byCode.values()].map(({ option, via }) =>
    via.length > 0 ? { ...option, via: { key, names: via.join(', ') } } : option,
  )
}

export function unitPatch(option: UnitOption, codeSet: AddressCodeSet): UnitPatch {
  return {
    codeSet,
    provinceCode: option.provinceCode,
    districtCode: codeSet === AddressCodeSet.Legacy ? (option.parentCode ?? '') : '',
    communeCode: option.code,
  }
}

/** "Phường Giảng Võ, Thành phố Hà Nội" (the province left out while its name is unknown). */
export function optionTitle(option: UnitOption): string {
  return option.provinceName ? `${option.fullName}, ${option.provinceName}` : option.fullName
}

export type ListKey = 'ArrowDown' | 'ArrowUp'

/** The active option after an arrow key; -1 is "none" (the focus reads the input), and the ends wrap. */
export function movedIndex(current: number, count: number, key: ListKey): number {
  if (count === 0) return -1
  if (key === 'ArrowDown') return current < 0 || current >= count - 1 ? 0 : current + 1
  return current <= 0 ? count - 1 : current - 1
}
