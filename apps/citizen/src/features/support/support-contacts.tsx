import { supportContacts } from '@ansinh/domain'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PhoneIcon } from '../../components/icons'
import { feedbackPath } from '../feedback/paths'

/**
 * The official hotline, e-mail and feedback form (phản ánh kiến nghị), and the warning against impostors: people lost money calling
 * paid "1900" numbers that claimed to reset VssID passwords (DOMAIN.md §3).
 */
export function SupportContacts({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation()
  const Heading = `h${headingLevel}` as const
  // Unique: the chat shows these contacts under each reply it is unsure of.
  const titleId = useId()
  return (
    <section className="support-contacts" aria-labelledby={titleId}>
      <Heading id={titleId} className="support-heading">
        {t('support.contacts.title')}
      </Heading>
      <a className="as-button as-button--primary support-call" href={`tel:${supportContacts.hotlineTel}`}>
        <PhoneIcon />
        {t('support.contacts.call', { hotline: supportContacts.hotline })}
      </a>
      <p className="support-warning" role="note">
        <strong>{t('support.contacts.warningLead')}</strong> {t('support.contacts.warning')}
      </p>
      <p className="support-email">
        {t('support.contacts.emailLabel')}{' '}
        <a href={`mailto:${supportContacts.email}`}>{supportContacts.email}</a>
      </p>
      <p className="support-email">
        <Link to={feedbackPath}>{t('support.contacts.feedback')}</Link>
      </p>
    </section>
  )
}
