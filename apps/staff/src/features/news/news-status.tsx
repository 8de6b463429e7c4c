import type { NewsStatus } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'

/** "Bản nháp", "Đã đăng", "Đã gỡ": a badge whose words say it (the colour only repeats them). */
export function NewsStatusBadge({ status }: { status: NewsStatus }) {
  const { t } = useTranslation()
  return <span className={`news-status news-status--${status}`}>{t(`news.statuses.${status}`)}</span>
}
