import { formatDateVi, type HealthCardLookupAnswer, HealthCardLookupFields } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { TextField } from '../registration/form-controls'
import { lookUpHealthCard } from './api'
import { AnswerCard, AnswerFact, LookupForm, usePersonLabels } from './lookup-parts'
import { useLookup, useLookupFields } from './use-lookup'

const empty = { cardNumber: '', fullName: '', dateOfBirth: '' }

/**
 * Tra cứu giá trị sử dụng thẻ BHYT: card number (either form), BHXH code or personal ID, name, date of
 * birth.
 */
export function HealthCardLookupPage() {
  const { t } = useTranslation()
  const form = useLookup(HealthCardLookupFields, lookUpHealthCard)
  const labels = { cardNumber: t('lookup.cardNumber'), ...usePersonLabels() }
  const { fields, field } = useLookupFields(empty, form.errors, labels)
  return (
    <LookupForm
      id="healthCard"
      labels={labels}
      form={form}
      onSubmit={() => void form.submit(fields)}
      answer={(answer) => <CardAnswer answer={answer} />}
    >
      <TextField
        {...field('cardNumber')}
        autoComplete="off"
        maxLength={20}
        hint={t('lookup.cardNumberHint')}
      />
      <TextField {...field('fullName')} autoComplete="name" hint={t('lookup.fullNameHint')} />
      <TextField {...field('dateOfBirth')} inputMode="numeric" hint={t('lookup.dateOfBirthHint')} />
    </LookupForm>
  )
}

function CardAnswer({ answer }: { answer: HealthCardLookupAnswer }) {
  const { t } = useTranslation()
  const from = formatDateVi(answer.validFrom)
  return (
    <AnswerCard title={t(`lookup.healthCard.status.${answer.status}`)}>
      <AnswerFact label={t('lookup.healthCard.cardNumber')}>{answer.cardNumber}</AnswerFact>
      <AnswerFact label={t('healthCard.validity')}>
        {answer.validTo
          ? t('healthCard.validFromTo', { from, to: formatDateVi(answer.validTo) })
          : t('healthCard.validFromOpen', { from })}
      </AnswerFact>
      <AnswerFact label={t('lookup.healthCard.benefitLevel')}>
        {t('lookup.healthCard.level', { level: answer.benefitLevel })}
      </AnswerFact>
      <AnswerFact label={t('healthCard.facility')}>
        {answer.primaryFacility.name} ({answer.primaryFacility.code})
      </AnswerFact>
    </AnswerCard>
  )
}
