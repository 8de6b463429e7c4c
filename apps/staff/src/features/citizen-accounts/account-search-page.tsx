import { CitizenAccountSearchQuery, type CitizenAccountSummary } from '@ansinh/domain'
import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useFailureMessage } from '../session/failure-message'
import { useLanguage } from '../session/session'
import { Field } from '../shared/field'
import { usePageTitle } from '../shared/page-title'
import { SearchForm } from '../shared/search-form'
import { ErrorAlert, Loading } from '../shared/status'
import { AccountFields } from './account-fields'
import { searchAccounts } from './api'

type Results =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: CitizenAccountSummary[] }

/**
 * "Tài khoản cá nhân": one box for a BHXH code, a personal ID or a phone, exact match only, and a
 * card for each account found within the office's reach. The identifier stays in the address, so
 * that Back from an account returns to its card.
 */
export function AccountSearchPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureMessage = useFailureMessage()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [results, setResults] = useState<Results>({ status: 'idle' })
  const [invalid, setInvalid] = useState(false)
  usePageTitle(t('pages.accounts'))

  useEffect(() => {
    if (!q) {
      setResults({ status: 'idle' })
      return
    }
    let live = true
    setResults({ status: 'loading' })
    void searchAccounts(q, language).then((answer) => {
      if (!live) return
      if (answer.ok) {
        setResults({ status: 'ready', items: answer.value.items })
        return
      }
      // A 400 is the same refusal the form makes before asking: shown at the field, not as a failure.
      setInvalid(answer.error.status === 400)
      setResults(
        answer.error.status === 400
          ? { status: 'idle' }
          : { status: 'error', message: failureMessage(answer.error) },
      )
    })
    return () => {
      live = false
    }
  }, [q, language, failureMessage])

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim()
    // The API's own schema decides what may be searched; its message is shown in the app's language.
    const valid = CitizenAccountSearchQuery.safeParse({ q: value }).success
    setInvalid(!valid)
    if (valid) setParams({ q: value })
  }

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('pages.accounts')}</h1>

      <SearchForm
        onSubmit={onSearch}
        aria-label={t('accounts.searchPanel')}
        key={q}
        noValidate
        submitLabel={t('accounts.search')}
      >
        <Field
          label={t('accounts.query')}
          hint={t('accounts.queryHint')}
          error={invalid ? t('accounts.queryInvalid') : null}
          alert
        >
          {(control) => (
            <input
              {...control}
              name="q"
              defaultValue={q}
              inputMode="tel"
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
            />
          )}
        </Field>
      </SearchForm>

      {results.status === 'loading' && <Loading />}
      {results.status === 'error' && <ErrorAlert>{results.message}</ErrorAlert>}
      {results.status === 'ready' && (
        <>
          <p role="status" className="staff-total">
            {results.items.length === 0
              ? t('accounts.none')
              : t('accounts.found', { count: results.items.length })}
          </p>
          <ul className="staff-results">
            {results.items.map((account) => (
              <li key={account.id}>
                <article className="staff-card" aria-labelledby={`account-${account.id}`}>
                  <h2 id={`account-${account.id}`}>{account.fullName}</h2>
                  <AccountFields account={account} />
                  <div className="staff-actions">
                    <Link
                      to={`/accounts/${account.id}`}
                      state={{ back: `/accounts?${params}` }}
                      className="as-button as-button--secondary"
                      aria-label={t('accounts.openOne', { name: account.fullName })}
                    >
                      {t('accounts.open')}
                    </Link>
                  </div>
                </article>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
