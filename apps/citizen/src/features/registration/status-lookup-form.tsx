import { type ReactNode, type RefObject, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiFailure } from './api'
import { ErrorSummary, phoneInput, TextField } from './form-controls'
import type { Lookup } from './use-status-lookup'
import { firstError } from './use-step-validation'
import type { FieldErrors } from './validation'

/** What `useStatusLookup` gives the page, for a look-up by a code and the phone. */
type StatusLookup<Key extends string, View> = {
  prefill: Record<Key, string> | undefined
  errors: FieldErrors
  focusSignal: number
  lookup: Lookup<View>
  resultBox: RefObject<HTMLDivElement | null>
  search: (query: Record<Key, string>) => Promise<void>
}

/**
 * The form of a public status check (a dossier, a feedback): the code and the phone side by side, the
 * button, then the answer or the failure in a box that is read out when it changes.
 */
export function StatusLookupForm<Code extends string, View>({
  status,
  code,
  codeLabel,
  codeHint,
  codeInput,
  phoneHint,
  searchLabel,
  searchingLabel,
  failureText,
  children,
}: {
  status: StatusLookup<Code | 'phone', View>
  code: Code
  codeLabel: string
  codeHint: string
  codeInput: Omit<Parameters<typeof TextField>[0], 'name' | 'label' | 'hint' | 'value' | 'error' | 'onChange'>
  phoneHint: string
  searchLabel: string
  searchingLabel: string
  failureText: (failure: ApiFailure) => string
  children: (view: View) => ReactNode
}) {
  const { t } = useTranslation()
  const { prefill, errors, focusSignal, lookup, resultBox, search } = status
  const [codeValue, setCodeValue] = useState(prefill?.[code] ?? '')
  const [phone, setPhone] = useState(prefill?.phone ?? '')
  const labels = { [code]: codeLabel, phone: t('registration.info.phone') }
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} focusSignal={focusSignal} />
      <form
        className="reg-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void search({ [code]: codeValue, phone } as Record<Code | 'phone', string>)
        }}
      >
        <div className="reg-grid reg-grid--2">
          <TextField
            name={code}
            label={codeLabel}
            hint={codeHint}
            value={codeValue}
            {...codeInput}
            error={firstError(errors, code)}
            onChange={setCodeValue}
          />
          <TextField
            name="phone"
            label={labels.phone}
            hint={phoneHint}
            value={phone}
            {...phoneInput}
            error={firstError(errors, 'phone')}
            onChange={setPhone}
          />
        </div>
        <div className="reg-nav">
          <button
            type="submit"
            className="as-button as-button--primary reg-nav__next"
            disabled={lookup.state === 'loading'}
          >
            {lookup.state === 'loading' ? searchingLabel : searchLabel}
          </button>
        </div>
      </form>
      <div ref={resultBox} tabIndex={-1} className="reg-status__result" aria-live="polite">
        {lookup.state === 'found' ? children(lookup.view) : null}
        {lookup.state === 'failed' ? (
          <div className="reg-alert reg-alert--error">
            <p>{failureText(lookup.failure)}</p>
          </div>
        ) : null}
      </div>
    </>
  )
}
