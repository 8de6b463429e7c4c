import type { InboxMessage } from '@ansinh/domain'
import { formatDateTimeVi } from '@ansinh/domain'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from '../public-services/api'
import { FailureAlert, ServicePage } from '../public-services/service-parts'
import { StepLoading } from '../registration/step-loading'
import { useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getInbox, markRead } from './api'
import './inbox.css'

type Inbox = {
  items: InboxMessage[]
  nextCursor: string | null
  status: 'loading' | 'ok' | 'error'
  failure: ApiFailure | null
}

/**
 * "Thông báo": the messages the agency left in the app, newest first, a page at a time ("Tải thêm").
 * Unread ones are marked; opening one shows its whole text and marks it read.
 */
export function InboxPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { handleFailure } = useCitizenSession()
  const [inbox, setInbox] = useState<Inbox>({ items: [], nextCursor: null, status: 'loading', failure: null })

  const load = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      setInbox((current) => ({ ...current, status: 'loading', failure: null }))
      const result = await getInbox(cursor, language, signal)
      if (result.ok)
        setInbox((current) => ({
          items: cursor ? [...current.items, ...result.value.items] : result.value.items,
          nextCursor: result.value.nextCursor,
          status: 'ok',
          failure: null,
        }))
      else if (!handleFailure(result.error))
        setInbox((current) => ({ ...current, status: 'error', failure: result.error }))
    },
    [language, handleFailure],
  )

  useEffect(() => {
    const controller = new AbortController()
    load(null, controller.signal).catch(() => undefined)
    return () => controller.abort()
  }, [load])

  const read = useCallback((id: string, readAt: string) => {
    setInbox((current) => ({
      ...current,
      items: current.items.map((item) => (item.id === id ? { ...item, readAt } : item)),
    }))
  }, [])

  const unread = inbox.items.filter((item) => item.readAt === null).length
  return (
    <ServicePage title={t('inbox.title')}>
      {inbox.items.length > 0 ? (
        <p className="inbox-summary" aria-live="polite">
          {unread > 0 ? t('inbox.unreadCount', { count: unread }) : t('inbox.allRead')}
        </p>
      ) : null}
      {inbox.status === 'ok' && inbox.items.length === 0 ? (
        <p className="pubsvc-empty">{t('inbox.empty')}</p>
      ) : null}
      {inbox.items.length > 0 ? (
        <ul className="inbox-list">
          {inbox.items.map((message) => (
            <li key={message.id}>
              <InboxItem message={message} onRead={read} />
            </li>
          ))}
        </ul>
      ) : null}
      {inbox.status === 'loading' ? <StepLoading /> : null}
      <FailureAlert failure={inbox.failure} />
      {inbox.status === 'error' ? (
        <button
          type="button"
          className="as-button as-button--secondary"
          onClick={() => void load(inbox.nextCursor)}
        >
          {t('registration.errors.retry')}
        </button>
      ) : null}
      {inbox.status === 'ok' && inbox.nextCursor ? (
        <button
          type="button"
          className="as-button as-button--secondary inbox-more"
          onClick={() => void load(inbox.nextCursor)}
        >
          {t('inbox.loadMore')}
        </button>
      ) : null}
    </ServicePage>
  )
}

function InboxItem({
  message,
  onRead,
}: {
  message: InboxMessage
  onRead: (id: string, readAt: string) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const { csrfToken } = useSignedIn()
  const { handleFailure } = useCitizenSession()
  const [open, setOpen] = useState(false)
  const unread = message.readAt === null
  const textId = `inbox-text-${message.id}`

  async function toggle() {
    setOpen((value) => !value)
    if (!unread) return
    const result = await markRead(message.id, csrfToken, language)
    if (result.ok) onRead(message.id, result.value.readAt)
    else handleFailure(result.error)
  }

  return (
    <article className="inbox-item" data-unread={unread ? 'true' : undefined}>
      <h2 className="inbox-item__title">
        <button
          type="button"
          className="inbox-item__toggle"
          aria-expanded={open}
          aria-controls={textId}
          onClick={() => void toggle()}
        >
          {unread ? <span className="inbox-item__dot" aria-hidden="true" /> : null}
          <span>{message.title}</span>
          {unread ? <span className="as-visually-hidden">{` (${t('inbox.unread')})`}</span> : null}
        </button>
      </h2>
      <p className="inbox-item__time">
        <time dateTime={message.createdAt}>{formatDateTimeVi(new Date(message.createdAt))}</time>
        {unread ? (
          <span className="reg-chip reg-chip--pending inbox-item__badge">{t('inbox.unread')}</span>
        ) : null}
      </p>
      <p id={textId} className={open ? 'inbox-item__text' : 'inbox-item__text inbox-item__text--clamped'}>
        {message.text}
      </p>
    </article>
  )
}
