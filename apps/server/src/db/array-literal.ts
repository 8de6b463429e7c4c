/**
 * A PostgreSQL array literal of values already checked to be digits or hex (codes, ids, row keys), so
 * nothing needs quoting: one parameter instead of hundreds keeps a batch's queries cheap to send and
 * to plan on both drivers.
 */
export function arrayLiteral(values: readonly (string | number)[]): string {
  for (const value of values)
    if (!/^[0-9a-f]+$/.test(String(value))) throw new Error('array literal of unchecked values')
  return `{${values.join(',')}}`
}
