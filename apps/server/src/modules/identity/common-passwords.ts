import { readFileSync } from 'node:fs'

/**
 * The 10,000 most common passwords (SecLists, MIT; see `reference-data/common-passwords/README.md`),
 * for the citizen password rule. The file is read once, on the first question, and kept as a Set
 * of lower-cased entries: about 10,000 short strings, well under a megabyte.
 */

/** Read at run time, never imported; resolved like the other reference files, from source or tests. */
const listFile = new URL('../../../reference-data/common-passwords/10k-most-common.txt', import.meta.url)

let list: ReadonlySet<string> | null = null

/** The list as a Set of lower-cased entries, read on first use. */
export function commonPasswords(): ReadonlySet<string> {
  if (list === null) {
    const entries = readFileSync(listFile, 'utf8')
      .split(/\r?\n/)
      .filter((line) => line.length > 0)
      .map((line) => line.toLowerCase())
    list = new Set(entries)
  }
  return list
}

/** Whether a lower-cased candidate is on the list; the argument of `checkCitizenPassword`. */
export function isCommonPassword(lowercased: string): boolean {
  return commonPasswords().has(lowercased)
}
