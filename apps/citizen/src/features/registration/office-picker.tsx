import { useTranslation } from 'react-i18next'
import { LoadProblem } from './address-fields'
import { SelectField } from './form-controls'
import { OfficeCard } from './office-card'
import { type OfficeTreeIndex, officeLabel, provinceOfficeOf, useOfficeIndex } from './office-tree'
import { StepLoading } from './step-loading'

/** The chosen receiving office, and the province office whose grassroots offices are listed. */
export type OfficePick = { officeProvinceCode: string; officeCode: string }

/**
 * "Cơ quan BHXH tiếp nhận" as seeds 001 and 004 show it: the province office ([079] BHXH TP. Hồ Chí
 * Minh), then it or one of its grassroots offices ([07915] BHXH Quận 5), and the chosen office's card.
 * Used by the registration's office step and by the public services, each holding the value itself.
 */
export function OfficePicker({
  index,
  value,
  onChange,
  error,
  suggestedCode = null,
}: {
  index: OfficeTreeIndex
  value: OfficePick
  onChange: (pick: OfficePick) => void
  error: string | undefined
  /** An office to offer with one button (near the person's address), when it is not the one chosen. */
  suggestedCode?: string | null
}) {
  const { t } = useTranslation()
  const provinceCode = value.officeProvinceCode || provinceOfficeOf(index, value.officeCode)?.code || ''
  const province = index.provinces.find((node) => node.code === provinceCode)
  const officeOptions = province
    ? [
        {
          value: province.code,
          label: t('registration.office.provinceLevel', { office: officeLabel(province) }),
        },
        ...province.children.map((node) => ({ value: node.code, label: officeLabel(node) })),
      ]
    : []
  const suggestedNode = suggestedCode ? index.byCode.get(suggestedCode) : undefined
  return (
    <>
      <div className="reg-grid reg-grid--2">
        <SelectField
          name="officeProvinceCode"
          label={t('registration.office.province')}
          value={provinceCode}
          options={index.provinces.map((node) => ({ value: node.code, label: officeLabel(node) }))}
          placeholder={t('registration.office.chooseProvince')}
          onChange={(code) => onChange({ officeProvinceCode: code, officeCode: code })}
        />
        <SelectField
          name="officeCode"
          label={t('registration.office.office')}
          value={value.officeCode}
          options={officeOptions}
          placeholder={t('registration.office.chooseOffice')}
          disabled={!province}
          error={error}
          onChange={(officeCode) => onChange({ officeProvinceCode: provinceCode, officeCode })}
        />
      </div>
      {suggestedNode && suggestedCode !== value.officeCode ? (
        <button
          type="button"
          className="as-button as-button--ghost reg-suggest-button"
          onClick={() =>
            onChange({
              officeProvinceCode: provinceOfficeOf(index, suggestedNode.code)?.code ?? '',
              officeCode: suggestedNode.code,
            })
          }
        >
          {t('registration.office.useSuggestion', { office: officeLabel(suggestedNode) })}
        </button>
      ) : null}
      {value.officeCode ? (
        <OfficeCard code={value.officeCode} index={index} suggested={suggestedCode === value.officeCode} />
      ) : null}
    </>
  )
}

/** The picker in its own fieldset, with the office tree loaded here (a "Thử lại" when it fails). */
export function OfficeFieldset({
  legend,
  value,
  onChange,
  error,
}: {
  legend: string
  value: OfficePick
  onChange: (pick: OfficePick) => void
  error: string | undefined
}) {
  const index = useOfficeIndex()
  return (
    <fieldset className="reg-fieldset">
      <legend className="reg-fieldset__legend">{legend}</legend>
      {index.status === 'ok' ? (
        <OfficePicker index={index.data} value={value} onChange={onChange} error={error} />
      ) : index.status === 'error' ? (
        <LoadProblem loads={[index]} />
      ) : (
        <StepLoading />
      )}
    </fieldset>
  )
}
