/**
 * Personal identifiers searched for (BHXH code, personal ID, phone) are kept in the audit log only
 * masked: the last four digits are enough to follow a pattern of look-ups, and the log does not
 * become a copy of the register.
 */
export function maskSearchedIdentifier(value: string): string {
  return `${'*'.repeat(Math.max(value.length - 4, 0))}${value.slice(-4)}`
}
