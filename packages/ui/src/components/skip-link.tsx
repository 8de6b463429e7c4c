import { useTranslation } from 'react-i18next'

/** First focusable element of every page: keyboard users jump past the header and menu. */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const { t } = useTranslation('ui')
  return (
    <a className="as-skip-link" href={`#${targetId}`}>
      {t('skipLink')}
    </a>
  )
}
