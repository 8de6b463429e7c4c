import { AddressCodeSet, type BhxhCodeLookupAnswer, BhxhCodeLookupFields } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { SelectField, TextField } from '../registration/form-controls'
import { useProvinces } from '../registration/use-directory'
import { lookUpBhxhCode } from './api'
import { AnswerCard, AnswerFact, LookupForm, usePersonLabels } from './lookup-parts'
import { useLookup, useLookupFields } from './use-lookup'

const empty = { provinceCode: '', fullName: '', dateOfBirth: '', gender: '', personalId: '' }

/** Tra cứu mã số BHXH: province, name and date of birth; the personal ID and gender narrow it down. */
export function BhxhCodeLookupPage() {
  const { t } = useTranslation()
  const form = useLookup(BhxhCodeLookupFields, lookUpBhxhCode)
  const provinces = useProvinces(AddressCodeSet.Current)
  const labels = {
    provinceCode: t('lookup.province'),
    ...usePersonLabels(),
    gender: t('lookup.gender'),
    personalId: t('lookup.personalId'),
  }
  const { fields, field } = useLookupFields(empty, form.errors, labels)
  return (
    <LookupForm
      id="bhxhCode"
      labels={labels}
      form={form}
      onSubmit={() => void form.submit(fields)}
      answer={(answer) => <BhxhCodeAnswer answer={answer} />}
    >
      <SelectField
        {...field('provinceCode')}
        placeholder={provinces.status === 'loading' ? t('lookup.loading') : t('lookup.chooseProvince')}
        options={
          provinces.status === 'ok'
            ? provinces.data.items.map((unit) => ({ value: unit.code, label: unit.fullName }))
            : []
        }
      />
      <TextField {...field('fullName')} autoComplete="name" hint={t('lookup.fullNameHint')} />
      <TextField {...field('dateOfBirth')} inputMode="numeric" hint={t('lookup.dateOfBirthHint')} />
      <SelectField
        {...field('gender')}
        placeholder={t('lookup.optional')}
        options={[
          { value: 'male', label: t('lookup.genders.male') },
          { value: 'female', label: t('lookup.genders.female') },
          { value: 'other', label: t('lookup.genders.other') },
        ]}
      />
      <TextField
        {...field('personalId')}
        inputMode="numeric"
        maxLength={14}
        hint={t('lookup.personalIdHint')}
      />
    </LookupForm>
  )
}

function BhxhCodeAnswer({ answer }: { answer: BhxhCodeLookupAnswer }) {
  const { t } = useTranslation()
  if (answer.match === 'several') {
    return (
      <div className="reg-alert reg-alert--warning" role="status">
        <p>
          {answer.narrowBy.length > 0
            ? t('lookup.bhxhCode.several', {
                fields: answer.narrowBy.map((name) => t(`lookup.narrowBy.${name}`)).join(t('lookup.or')),
              })
            : t('lookup.bhxhCode.severalOffice')}
        </p>
      </div>
    )
  }
  return (
    <AnswerCard title={t('lookup.bhxhCode.found')}>
      <AnswerFact label={t('lookup.bhxhCode.code')}>
        <span className="lookup-answer__code">{answer.bhxhCode}</span>
      </AnswerFact>
      <AnswerFact label={t('lookup.fullName')}>{answer.fullName}</AnswerFact>
      <AnswerFact label={t('lookup.birthYear')}>{answer.birthYear}</AnswerFact>
      <AnswerFact label={t('lookup.province')}>{answer.provinceName}</AnswerFact>
    </AnswerCard>
  )
}
