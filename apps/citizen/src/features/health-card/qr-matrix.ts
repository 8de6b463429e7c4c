/**
 * The card's QR code as an SVG path, drawn in the browser from the payload the server generated
 * (`qrPayload`), so that the card shows offline from what was stored. `uqr` (MIT, no dependencies)
 * encodes; the path is ours, so that React renders plain elements and nothing goes through innerHTML.
 */
import { encode } from 'uqr'

/** The quiet zone the QR standard asks for (ISO/IEC 18004: four modules on every side). */
export const quietZoneModules = 4

export type QrMatrix = {
  /** Modules per side, quiet zone included. */
  size: number
  /** `rows[y][x]` is true for a dark module. */
  rows: boolean[][]
}

/**
 * Error correction M (15% of the symbol may be unreadable), as printed cards use: a phone screen
 * with a glare or a crack still scans, and the symbol stays small enough for the card.
 */
export function qrMatrix(payload: string): QrMatrix {
  const { size, data } = encode(payload, { ecc: 'M', border: quietZoneModules })
  return { size, rows: data }
}

/**
 * One path for all dark modules, in module units: each run of dark modules on a row becomes one
 * rectangle (`M x y h w v 1 h -w z`), which keeps the path short and the edges without seams.
 */
export function qrPath({ rows }: QrMatrix): string {
  let path = ''
  rows.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x += 1
        continue
      }
      const start = x
      while (row[x]) x += 1
      path += `M${start} ${y}h${x - start}v1h${start - x}z`
    }
  })
  return path
}
