import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const referenceDataDir = fileURLToPath(new URL('../', import.meta.url))

/**
 * Writes `{ ...header, <table>: [[…], […]] }` with one tuple per line, so that a regenerated file
 * diffs row by row in review instead of as one long line.
 */
export function writeTupleFile(
  fileName: string,
  header: Record<string, unknown>,
  tables: Record<string, readonly (readonly unknown[])[]>,
): void {
  const parts = Object.entries(header).map(
    ([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  )
  for (const [key, rows] of Object.entries(tables)) {
    const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n')
    parts.push(`  ${JSON.stringify(key)}: [\n${body}\n  ]`)
  }
  writeFileSync(join(referenceDataDir, fileName), `{\n${parts.join(',\n')}\n}\n`)
}
