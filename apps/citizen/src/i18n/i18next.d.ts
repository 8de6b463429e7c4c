import type vi from './vi.json'

// Typed keys: `t('services.news.title')` is checked against the Vietnamese table, the source of truth.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof vi }
  }
}
