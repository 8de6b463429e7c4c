import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes, useParams } from 'react-router'
import { RecordContent, RecordsPage } from '../my-records/record-parts'
import { NotFoundPage } from '../not-found/not-found-page'
import { useLanguage } from '../session/use-language'
import { chatPath, getFaqEntry } from './api'
import { ChatPage } from './chat-page'
import { Paragraphs } from './faq-answer'
import { FaqBrowser, QuestionList } from './faq-browser'
import { SupportContacts } from './support-contacts'
import { useLoaded } from './use-loaded'
import './support.css'

/** "Hỗ trợ" (seed 002): the chatbot, the hotline and e-mail, and the FAQ. Public: no sign-in. */
export function SupportPage() {
  const { t } = useTranslation()
  return (
    <RecordsPage title={t('services.support.title')}>
      <div className="support">
        <section className="support-assistant" aria-labelledby="support-assistant-title">
          <h2 id="support-assistant-title" className="support-heading">
            {t('support.chat.title')}
          </h2>
          <p>{t('support.chat.teaser')}</p>
          <Link className="as-button as-button--secondary" to={chatPath}>
            {t('support.chat.open')}
          </Link>
        </section>
        <SupportContacts />
        <FaqBrowser />
      </div>
    </RecordsPage>
  )
}

/** One FAQ entry: the question, the answer paragraph by paragraph, nearby questions, then who to call. */
function FaqEntryPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const { id = '' } = useParams()
  const load = useCallback((signal: AbortSignal) => getFaqEntry(id, language, signal), [id, language])
  const { state, reload } = useLoaded(load)
  return (
    <RecordsPage title={t('support.faq.title')}>
      <div className="support">
        <RecordContent state={state} reload={reload}>
          {(entry) => (
            <>
              <article className="support-entry" aria-labelledby="support-entry-question">
                <p className="support-entry__category">{t(`support.categories.${entry.category}`)}</p>
                <h2 id="support-entry-question" className="support-entry__question">
                  {entry.question}
                </h2>
                <Paragraphs text={entry.answer} />
              </article>
              {entry.related.length > 0 ? (
                <section aria-labelledby="support-related-title">
                  <h2 id="support-related-title" className="support-heading">
                    {t('support.faq.related')}
                  </h2>
                  <QuestionList items={entry.related} />
                </section>
              ) : null}
            </>
          )}
        </RecordContent>
        <p>
          <Link to={chatPath}>{t('support.chat.open')}</Link>
        </p>
        <SupportContacts />
      </div>
    </RecordsPage>
  )
}

/** The pages under `/support/…` (app-routes.tsx): an FAQ entry and the chatbot. */
export function SupportRoutes() {
  return (
    <Routes>
      <Route path="faq/:id" element={<FaqEntryPage />} />
      <Route path="chat" element={<ChatPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
