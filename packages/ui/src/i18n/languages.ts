export const Language = { Vi: 'vi', En: 'en' } as const
export type Language = (typeof Language)[keyof typeof Language]

/** Vietnamese first: it is the default and the fallback for any missing English string. */
export const languages: readonly Language[] = [Language.Vi, Language.En]
export const defaultLanguage: Language = Language.Vi

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}
