import { formatDateVi, type NewsSummary } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'

/** `dd/mm/yyyy` (the date in Vietnam), readable by machines through `<time>`. */
export function NewsDate({ at }: { at: string }) {
  return <time dateTime={at}>{formatDateVi(new Date(at))}</time>
}

/** The category as a small label above a title. */
export function NewsCategoryLabel({ category }: { category: NewsSummary['category'] }) {
  const { t } = useTranslation()
  return <p className="news-category">{t(`news.categories.${category}`)}</p>
}

/** The articles are written in Vietnamese: said once to those who read the app in English. */
export function VietnameseOnlyNote() {
  const { t, i18n } = useTranslation()
  return i18n.language === 'en' ? <p className="news-note">{t('news.vietnameseOnly')}</p> : null
}
