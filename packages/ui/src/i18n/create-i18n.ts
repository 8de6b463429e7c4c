import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import uiEn from './en.json'
import { defaultLanguage, isLanguage, type Language, languages } from './languages'
import uiVi from './vi.json'

/** One choice per browser: the citizen app and the staff app share the origin and the preference. */
export const languageStorageKey = 'ansinh.lang'

/** Namespace of the strings this package owns (language switch, skip link, placeholders). */
export const uiNamespace = 'ui'

/** Nested string tables as read from an app's `src/i18n/<lang>.json`. */
export type Messages = { readonly [key: string]: string | Messages }

export type CreateI18nOptions = {
  /** The app's own strings, served as the default `translation` namespace. */
  resources: Record<Language, Messages>
}

/**
 * Creates the i18next instance of one app: Vietnamese unless the user chose otherwise before,
 * synchronous (resources are bundled, so the first render is already translated), and keeps
 * `<html lang>` and the stored choice in step with the language.
 */
export function createI18n({ resources }: CreateI18nOptions): I18n {
  const instance = i18next.createInstance()
  const lng = readStoredLanguage() ?? defaultLanguage
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    ns: ['translation', uiNamespace],
    defaultNS: 'translation',
    resources: {
      vi: { translation: resources.vi, [uiNamespace]: uiVi },
      en: { translation: resources.en, [uiNamespace]: uiEn },
    },
    // React escapes what it renders; escaping twice would show entities.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  })
  setDocumentLanguage(lng)
  instance.on('languageChanged', (next) => {
    setDocumentLanguage(next)
    storeLanguage(next)
  })
  return instance
}

function setDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng
}

function readStoredLanguage(): Language | undefined {
  try {
    const stored = globalThis.localStorage?.getItem(languageStorageKey)
    return isLanguage(stored) ? stored : undefined
  } catch {
    // Storage can be blocked (private mode, strict settings): fall back to the default.
    return undefined
  }
}

function storeLanguage(lng: string): void {
  if (!isLanguage(lng)) return
  try {
    globalThis.localStorage?.setItem(languageStorageKey, lng)
  } catch {
    // Not persisting is acceptable; the switch still works for this visit.
  }
}
