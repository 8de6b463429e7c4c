/**
 * The values of a const object used as an enum, typed as a non-empty tuple: what zod's `z.enum` and
 * Drizzle's `enum` columns and CHECK constraints want, from the one object the code names.
 */
export function enumValues<T extends Record<string, string>>(values: T): [T[keyof T], ...T[keyof T][]] {
  return Object.values(values) as [T[keyof T], ...T[keyof T][]]
}
