import type { ChatReply, FaqQuestion } from '@ansinh/domain'
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RecordsPage } from '../my-records/record-parts'
import type { ApiFailure } from '../public-services/api'
import { FailureAlert } from '../public-services/service-parts'
import { useLanguage } from '../session/use-language'
import { askChatbot, faqEntryPath, getFaq } from './api'
import { EntryRow } from './entry-row'
import { Paragraphs } from './faq-answer'
import { SupportContacts } from './support-contacts'

type Turn = { id: number; from: 'person'; text: string } | { id: number; from: 'assistant'; reply: ChatReply }

/** What most people ask first (DOMAIN.md §3: forgotten passwords, OTPs, the card at the hospital). */
const starterIds = [
  'forgot-password',
  'otp-not-received',
  'use-ecard-at-hospital',
  'never-share-password-otp',
]

/**
 * "Trợ lý ảo": a conversation with the FAQ. Each answer is an FAQ entry word for word with a link to
 * it; when the assistant is unsure it says so, offers the nearest questions and the hotline.
 * Nothing is kept: leaving the page ends the conversation.
 */
export function ChatPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [turns, setTurns] = useState<Turn[]>([])
  const [draft, setDraft] = useState('')
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<ApiFailure | null>(null)
  const [starters, setStarters] = useState<FaqQuestion[]>([])
  const nextId = useRef(0)
  const end = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const controller = new AbortController()
    getFaq({}, language, controller.signal)
      .then((result) => {
        if (result.ok) setStarters(result.value.items.filter((item) => starterIds.includes(item.id)))
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [language])

  useEffect(() => {
    if (turns.length > 0) end.current?.scrollIntoView?.({ block: 'end' })
  }, [turns])

  const ask = useCallback(
    async (message: string) => {
      const text = message.trim()
      if (text.length < 2 || pending) return
      setPending(true)
      setFailure(null)
      setTurns((current) => [...current, { id: nextId.current++, from: 'person', text }])
      const result = await askChatbot(text, language)
      setPending(false)
      if (result.ok) {
        setDraft('')
        setTurns((current) => [...current, { id: nextId.current++, from: 'assistant', reply: result.value }])
      } else setFailure(result.error)
    },
    [language, pending],
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void ask(draft)
  }

  return (
    <RecordsPage title={t('support.chat.title')}>
      <div className="support support-chat">
        <p className="support-chat__intro">{t('support.chat.intro')}</p>
        {language === 'en' ? <p className="support-note">{t('support.translationNote')}</p> : null}
        <div className="support-chat__log" role="log" aria-label={t('support.chat.logLabel')}>
          {turns.length === 0 && starters.length > 0 ? (
            <Suggestions title={t('support.chat.starters')} items={starters} onAsk={ask} />
          ) : null}
          {turns.map((turn) =>
            turn.from === 'person' ? (
              <div key={turn.id} className="support-bubble support-bubble--person">
                <p className="support-bubble__who">{t('support.chat.you')}</p>
                <p>{turn.text}</p>
              </div>
            ) : (
              <AssistantBubble key={turn.id} reply={turn.reply} onAsk={ask} />
            ),
          )}
          {pending ? (
            <p className="support-chat__pending" role="status">
              {t('support.chat.thinking')}
            </p>
          ) : null}
          <div ref={end} />
        </div>
        <FailureAlert failure={failure} />
        <form className="support-chat__form" onSubmit={submit}>
          <EntryRow
            label={t('support.chat.inputLabel')}
            value={draft}
            maxLength={500}
            placeholder={t('support.chat.placeholder')}
            submitLabel={t('support.chat.send')}
            busy={pending}
            onChange={setDraft}
          />
          <p className="reg-field__hint">{t('support.chat.privacy')}</p>
        </form>
      </div>
    </RecordsPage>
  )
}

function AssistantBubble({ reply, onAsk }: { reply: ChatReply; onAsk: (message: string) => void }) {
  const { t } = useTranslation()
  return (
    <div className="support-bubble support-bubble--assistant">
      <p className="support-bubble__who">{t('support.chat.assistant')}</p>
      {reply.secretWarning ? (
        <p className="support-warning" role="alert">
          {t('support.chat.secretWarning')}
        </p>
      ) : null}
      {reply.kind === 'answer' && reply.answer && reply.source ? (
        <>
          <Paragraphs text={reply.answer} />
          <p className="support-source">
            {t('support.chat.source')} <Link to={faqEntryPath(reply.source.id)}>{reply.source.question}</Link>
          </p>
          {reply.suggestions.length > 0 ? (
            <Suggestions title={t('support.chat.seeAlso')} items={reply.suggestions} onAsk={onAsk} />
          ) : null}
        </>
      ) : (
        <>
          <p>{t('support.chat.unclear')}</p>
          {reply.suggestions.length > 0 ? (
            <Suggestions title={t('support.chat.didYouMean')} items={reply.suggestions} onAsk={onAsk} />
          ) : null}
          <SupportContacts headingLevel={3} />
        </>
      )}
    </div>
  )
}

/** Questions the person can ask with one tap: each is sent as their next message. */
function Suggestions({
  title,
  items,
  onAsk,
}: {
  title: string
  items: FaqQuestion[]
  onAsk: (message: string) => void
}) {
  return (
    <div className="support-suggestions">
      <p className="support-suggestions__title">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <button type="button" className="support-chip" onClick={() => onAsk(item.question)}>
              {item.question}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
