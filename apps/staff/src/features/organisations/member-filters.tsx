import { memberRoleLabels, memberRoles, type OrganisationView } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '../session/session'
import { Field } from '../shared/field'
import { SelectFilter } from '../shared/search-form'
import { indented, subtreeOf } from './tree'

/**
 * The filters every list of members shares (members, their dossiers): the member role, one
 * organisation of the subtree (when there is more than one) and the class or department.
 */
export function MemberFilterFields({
  organisation,
  items,
  filters,
}: {
  organisation: OrganisationView
  items: readonly OrganisationView[]
  filters: Partial<Record<'role' | 'organisationId' | 'unit', string>>
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const subtree = subtreeOf(items, organisation.id)
  const nameOf = (id: string) => {
    const option = subtree.find((candidate) => String(candidate.id) === id)
    return option ? indented(option) : id
  }
  return (
    <>
      <SelectFilter
        label={t('organisations.members.role')}
        name="role"
        value={filters.role}
        choices={memberRoles}
        labelOf={(role) => memberRoleLabels[language][role]}
      />
      {subtree.length > 1 && (
        <SelectFilter
          label={t('organisations.members.organisation')}
          name="organisationId"
          value={filters.organisationId}
          choices={subtree.map((option) => String(option.id))}
          labelOf={nameOf}
        />
      )}
      <Field label={t('organisations.members.unit')}>
        {(control) => <input {...control} name="unit" maxLength={50} defaultValue={filters.unit} />}
      </Field>
    </>
  )
}
