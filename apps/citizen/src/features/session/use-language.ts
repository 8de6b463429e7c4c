import { useTranslation } from 'react-i18next'

/** The language the API answers in (`Accept-Language`). */
export function useLanguage(): 'vi' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'vi'
}
