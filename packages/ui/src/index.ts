export {
  type ApiFailure,
  type ApiRequestOptions,
  type ApiResult,
  apiBase,
  apiRequest,
  ClientErrorCode,
} from './api/api-client'
export { BrandMark } from './components/brand-mark'
export { ComingSoon } from './components/coming-soon'
export { LanguageSwitch, type LanguageSwitchProps } from './components/language-switch'
export { SkipLink } from './components/skip-link'
export { useDocumentTitle } from './hooks/use-document-title'
export { useFocusHeading } from './hooks/use-focus-heading'
export {
  type CreateI18nOptions,
  createI18n,
  languageStorageKey,
  type Messages,
  uiNamespace,
} from './i18n/create-i18n'
export { defaultLanguage, isLanguage, Language, languages } from './i18n/languages'
export { lazyPage } from './routing/lazy-page'
