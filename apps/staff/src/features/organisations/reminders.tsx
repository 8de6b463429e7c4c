import {
  formatThousands,
  type OrganisationView,
  REMINDER_INTERVAL_DAYS,
  type ReminderResult,
} from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { ConfirmDialog } from '../shared/confirm-dialog'
import type { Notice } from '../shared/notice'
import { sendReminders } from './api'

/** What the reminder round answered, or why it failed: told in the page's notice. */
export type ReminderOutcome = { notice: Notice; result: ReminderResult | null }

/**
 * "Gửi nhắc nhở": after a confirmation, a message to every member of the subtree not registered yet
 * (SMS to the registry's phone, else e-mail); the server skips those who opted out, were reminded in
 * the last days or have no contact, and answers the counts.
 */
export function RemindersButton({
  organisation,
  notRegistered,
  onOutcome,
}: {
  organisation: OrganisationView
  notRegistered: number
  onOutcome: (outcome: ReminderOutcome) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)

  async function send() {
    setBusy(true)
    const result = await sendReminders(organisation.id, {}, staff.csrfToken, language)
    setBusy(false)
    setAsking(false)
    onOutcome(
      result.ok
        ? {
            notice: {
              kind: 'success',
              message: t('organisations.reminders.done', { count: result.value.queued }),
            },
            result: result.value,
          }
        : { notice: { kind: 'error', message: failureMessage(result.error) }, result: null },
    )
  }

  return (
    <>
      <button
        type="button"
        className="as-button as-button--secondary"
        disabled={notRegistered === 0}
        onClick={() => setAsking(true)}
      >
        {t('organisations.reminders.send')}
      </button>
      {asking && (
        <ConfirmDialog
          title={t('organisations.reminders.confirmTitle')}
          confirmLabel={t('organisations.reminders.confirm')}
          busy={busy}
          onConfirm={() => void send()}
          onClose={() => setAsking(false)}
        >
          <p>
            {t('organisations.reminders.confirmBody', {
              name: organisation.name,
              count: notRegistered,
              people: formatThousands(notRegistered),
              days: REMINDER_INTERVAL_DAYS,
            })}
          </p>
        </ConfirmDialog>
      )}
    </>
  )
}

const countKeys = [
  'notRegistered',
  'queued',
  'sms',
  'email',
  'skippedOptedOut',
  'skippedRecentlyReminded',
  'skippedNoContact',
  'deferred',
  'remainingToday',
] as const

/** The counts of a reminder round, under the notice that tells it. */
export function ReminderCounts({ result }: { result: ReminderResult }) {
  const { t } = useTranslation()
  return (
    <dl className="staff-dl organisations__counts">
      {countKeys.map((key) => (
        <div key={key} className="staff-dl__row">
          <dt>{t(`organisations.reminders.counts.${key}`)}</dt>
          <dd>{formatThousands(result[key])}</dd>
        </div>
      ))}
    </dl>
  )
}
