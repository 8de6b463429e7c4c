import {
  NewOrganisationBody,
  OrganisationTargetBody,
  type OrganisationView,
  organisationKindLabels,
  organisationKinds,
  validationErrorOf,
} from '@ansinh/domain'
import type { ApiResult } from '@ansinh/ui'
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { useFieldErrors } from '../shared/use-field-errors'
import { OfficeSelect, useReachableOffices } from '../staff-accounts/office-select'
import { createOrganisation, setOrganisationTarget } from './api'

/**
 * A form checked with the API's own schema before it is sent, so the same messages show under the
 * same fields whether the browser or the server refuses; focus then goes to the first field in error.
 */
function useCheckedForm<S extends z.ZodType, T>(
  schema: S,
  fieldOrder: readonly string[],
  send: (body: z.output<S>) => Promise<ApiResult<T>>,
  onDone: (value: T) => void,
) {
  const failureMessage = useFailureMessage()
  const form = useRef<HTMLFormElement>(null)
  const { errors, refuse } = useFieldErrors(form, fieldOrder)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(input: unknown) {
    if (busy) return
    setFailure(null)
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      refuse(validationErrorOf(parsed.error).error.fields ?? {})
      return
    }
    setBusy(true)
    const result = await send(parsed.data)
    setBusy(false)
    if (result.ok) {
      onDone(result.value)
      return
    }
    setFailure(failureMessage(result.error))
    refuse(result.error.fields)
  }

  const errorOf = (name: string) => errors[name]?.join(' ')
  return { form, submit, errorOf, failure, busy }
}

/** The frame both forms share: the heading (focused on opening), the fields, the failure, the buttons. */
function FormCard({
  title,
  submitLabel,
  form,
  failure,
  busy,
  onSubmit,
  onCancel,
  children,
}: {
  title: string
  submitLabel: string
  form: ReturnType<typeof useCheckedForm>['form']
  failure: string | null
  busy: boolean
  onSubmit: (data: FormData) => void
  onCancel: () => void
  children: ReactNode
}) {
  const { t } = useTranslation()
  const titleId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <form
      ref={form}
      className="staff-card staff-form"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault()
        onSubmit(new FormData(event.currentTarget))
      }}
    >
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="staff-form__grid">{children}</div>
      <div role="alert" className="staff-error">
        {failure}
      </div>
      <div className="staff-actions">
        <button type="submit" className="as-button as-button--primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="as-button as-button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}

const text = (data: FormData, name: string) => String(data.get(name) ?? '')

/**
 * "Thêm đơn vị trực thuộc": a school under the district body, a class or department under a school;
 * or, without a `parent`, "Thêm tổ chức" at the top of a tree, under an office the office or system
 * administrator reaches.
 */
export function NewOrganisationForm({
  parent,
  onCreated,
  onCancel,
}: {
  parent: OrganisationView | null
  onCreated: (created: OrganisationView) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const offices = useReachableOffices(parent === null)
  const { form, submit, errorOf, failure, busy } = useCheckedForm(
    NewOrganisationBody,
    ['officeCode', 'code', 'name', 'kind', 'parentId'],
    (body) => createOrganisation(body, staff.csrfToken, language),
    onCreated,
  )
  return (
    <FormCard
      title={parent ? t('organisations.child.title', { name: parent.name }) : t('organisations.root.title')}
      submitLabel={t('organisations.child.submit')}
      form={form}
      failure={failure}
      // A new tree waits for its offices: a form sent before them would name none.
      busy={busy || (parent === null && offices.status !== 'ready')}
      onCancel={onCancel}
      onSubmit={(data) =>
        void submit({
          code: text(data, 'code'),
          name: text(data, 'name'),
          kind: text(data, 'kind'),
          ...(parent ? { parentId: parent.id } : { officeCode: text(data, 'officeCode') }),
        })
      }
    >
      {parent === null && (
        <OfficeSelect
          label={t('organisations.root.office')}
          offices={offices}
          error={errorOf('officeCode') ?? errorOf('parentId')}
        />
      )}
      <Field
        label={t('organisations.child.code')}
        hint={t('organisations.child.codeHint')}
        error={errorOf('code')}
      >
        {(control) => (
          <input
            {...control}
            name="code"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            maxLength={30}
            required
            aria-required="true"
          />
        )}
      </Field>
      <Field label={t('organisations.child.name')} error={errorOf('name')}>
        {(control) => (
          <input {...control} name="name" autoComplete="off" maxLength={200} required aria-required="true" />
        )}
      </Field>
      <Field label={t('organisations.child.kind')} error={errorOf('kind')}>
        {(control) => (
          <select {...control} name="kind" required aria-required="true" defaultValue="school">
            {organisationKinds.map((kind) => (
              <option key={kind} value={kind}>
                {organisationKindLabels[language][kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormCard>
  )
}

/** "Đặt mục tiêu": the share of members to register (0–100 %) and the deadline. */
export function TargetForm({
  organisation,
  onSaved,
  onCancel,
}: {
  organisation: OrganisationView
  onSaved: (saved: OrganisationView) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const { form, submit, errorOf, failure, busy } = useCheckedForm(
    OrganisationTargetBody,
    ['percent', 'deadline'],
    (body) => setOrganisationTarget(organisation.id, body, staff.csrfToken, language),
    onSaved,
  )
  return (
    <FormCard
      title={t('organisations.target.title')}
      submitLabel={t('organisations.target.submit')}
      form={form}
      failure={failure}
      busy={busy}
      onCancel={onCancel}
      onSubmit={(data) =>
        // A decimal comma is how a Vietnamese keyboard writes "99,5".
        void submit({ percent: text(data, 'percent').replace(',', '.'), deadline: text(data, 'deadline') })
      }
    >
      <Field
        label={t('organisations.target.percent')}
        hint={t('organisations.target.percentHint')}
        error={errorOf('percent')}
      >
        {(control) => (
          <input
            {...control}
            name="percent"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={String(organisation.target?.percent ?? 100)}
            required
            aria-required="true"
          />
        )}
      </Field>
      <Field label={t('organisations.target.deadline')} error={errorOf('deadline')}>
        {(control) => (
          <input
            {...control}
            name="deadline"
            type="date"
            defaultValue={organisation.target?.deadline ?? ''}
            required
          />
        )}
      </Field>
    </FormCard>
  )
}
