import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useLanguage } from '../session/use-language'
import { getUnreadCount, inboxPath } from './api'
import './inbox.css'

/**
 * "Thông báo" on the home screen of a signed-in person, with the number of unread messages. Asked
 * once per visit of the home screen; a failure just leaves the badge out.
 */
export function InboxLink({ className }: { className: string }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const [count, setCount] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    getUnreadCount(language, controller.signal)
      .then((result) => {
        if (result.ok) setCount(result.value.count)
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [language])
  const label = count > 0 ? t('inbox.linkUnread', { count }) : t('inbox.title')
  return (
    <Link to={inboxPath} className={`${className} inbox-link`} aria-label={label}>
      {t('inbox.title')}
      {count > 0 ? (
        <span className="inbox-badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  )
}
