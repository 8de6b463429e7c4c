/**
 * An entry's `detail` on one line: `key: value` pairs, nested objects by dotted path. The server keeps
 * personal data out of it (codes and outcomes only), so it can be shown as it is.
 */
export function summariseDetail(detail: Record<string, unknown> | null): string {
  return detail ? pairs(detail, '').join(' · ') : ''
}

function pairs(value: Record<string, unknown>, prefix: string): string[] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix + key
    if (inner === null || inner === undefined) return []
    if (Array.isArray(inner)) return [`${path}: ${inner.map(scalar).join(', ')}`]
    if (typeof inner === 'object') return pairs(inner as Record<string, unknown>, `${path}.`)
    return [`${path}: ${scalar(inner)}`]
  })
}

function scalar(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)
}
