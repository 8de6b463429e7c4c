import { FEEDBACK_ANSWER_MAX, FEEDBACK_ANSWER_MIN, FeedbackAnswer } from '@ansinh/domain'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PhotoViewer } from '../dossiers/photo-viewer'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { FieldRow } from '../shared/field-row'
import { dateTime } from '../shared/format'
import { type Notice, NoticeBox } from '../shared/notice'
import { usePageTitle } from '../shared/page-title'
import { ReasonField } from '../shared/reason-field'
import { RecordFrame, RecordPending, RecordSection, useBackPath, useRecord } from '../shared/record'
import { answerFeedback, feedbackAttachmentUrl, getFeedback } from './api'

/** One feedback: who wrote, what, the photos, and "Trả lời". */
export function FeedbackDetailPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const { record: item, setRecord, load } = useRecord(getFeedback)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [answer, setAnswer] = useState('')
  const [answerError, setAnswerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [viewing, setViewing] = useState<{ id: number; label: string } | null>(null)
  const answerId = useId()
  const back = useBackPath('/feedback')
  usePageTitle(item?.code ?? t('feedback.detailTitle'))

  if (!item) {
    return (
      <RecordPending
        load={load}
        title={t('feedback.detailTitle')}
        missing={{ title: t('feedback.notFound'), body: t('feedback.notFoundBody') }}
        back={{ to: back, label: t('detail.exit') }}
      />
    )
  }
  const current = item

  async function onAnswer(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!FeedbackAnswer.safeParse({ answer }).success) {
      setAnswerError(t('feedback.answerLength', { min: FEEDBACK_ANSWER_MIN, max: FEEDBACK_ANSWER_MAX }))
      return
    }
    setAnswerError(null)
    setBusy(true)
    const result = await answerFeedback(current.id, answer, staff.csrfToken, language)
    setBusy(false)
    if (result.ok) {
      setRecord(result.value)
      setAnswer('')
      setNotice({ kind: 'success', message: t('feedback.answered') })
    } else {
      setNotice({ kind: 'error', message: result.error.fields.answer?.[0] ?? failureMessage(result.error) })
    }
  }

  const photoLabel = (index: number) => t('feedback.photo', { number: index + 1 })

  return (
    <RecordFrame title={t('feedback.detailTitle')} number={current.code}>
      <NoticeBox notice={notice} />

      <RecordSection id="feedback-fields" title={t('feedback.fields')}>
        <dl className="staff-dl">
          <FieldRow label={t('feedback.code')}>
            <span translate="no">{current.code}</span>
          </FieldRow>
          <FieldRow label={t('feedback.category')}>{t(`feedback.categories.${current.category}`)}</FieldRow>
          <FieldRow label={t('feedback.status')}>{t(`feedback.statuses.${current.status}`)}</FieldRow>
          <FieldRow label={t('feedback.fullName')}>{current.fullName}</FieldRow>
          <FieldRow label={t('detail.phone')}>{current.phone}</FieldRow>
          <FieldRow label={t('detail.email')}>{current.email}</FieldRow>
          <FieldRow label={t('detail.office')}>{`[${current.office.code}] ${current.office.name}`}</FieldRow>
          <FieldRow label={t('feedback.submittedAt')}>{dateTime(current.submittedAt)}</FieldRow>
          <FieldRow label={t('feedback.account')}>
            {current.linkedToAccount ? t('feedback.linked') : t('feedback.notLinked')}
          </FieldRow>
        </dl>
      </RecordSection>

      <RecordSection id="feedback-content" title={t('feedback.content')}>
        <p className="staff-feedback__text">{current.content}</p>
        {current.attachments.length > 0 && (
          <ul className="staff-photos" aria-label={t('feedback.photos')}>
            {current.attachments.map((attachment, index) => (
              <li key={attachment.id} className="staff-photos__item">
                <button
                  type="button"
                  className="staff-photos__thumb"
                  onClick={() => setViewing({ id: attachment.id, label: photoLabel(index) })}
                  aria-label={t('detail.openPhoto', { name: photoLabel(index) })}
                >
                  <img
                    src={feedbackAttachmentUrl(current.id, attachment.id, 'thumbnail')}
                    alt=""
                    loading="lazy"
                  />
                  <span>{photoLabel(index)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </RecordSection>

      {current.answer && (
        <RecordSection id="feedback-answer" title={t('feedback.answerTitle')}>
          <p className="staff-feedback__text">{current.answer}</p>
          <p className="staff-field__hint">
            {t('feedback.answeredBy', {
              name: current.answeredBy ?? '—',
              at: current.answeredAt ? dateTime(current.answeredAt) : '',
            })}
          </p>
        </RecordSection>
      )}

      <form
        className="staff-card"
        aria-labelledby={answerId}
        onSubmit={(event) => void onAnswer(event)}
        noValidate
      >
        <h2 id={answerId}>{current.answer ? t('feedback.answerAgain') : t('feedback.answer')}</h2>
        <ReasonField
          label={t('feedback.answerLabel')}
          hint={t('feedback.answerHint')}
          error={answerError}
          value={answer}
          onChange={setAnswer}
          rows={8}
          maxLength={FEEDBACK_ANSWER_MAX}
        />
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={busy}>
            {t('feedback.send')}
          </button>
          <Link to={back} className="as-button as-button--secondary">
            {t('detail.exit')}
          </Link>
        </div>
      </form>

      {viewing && (
        <PhotoViewer
          src={feedbackAttachmentUrl(current.id, viewing.id, 'full')}
          label={viewing.label}
          onClose={() => setViewing(null)}
        />
      )}
    </RecordFrame>
  )
}
