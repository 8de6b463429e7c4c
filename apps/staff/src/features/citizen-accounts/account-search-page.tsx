import { CitizenAccountSearchQuery, type CitizenAccountSummary } from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useLanguage, useSession } from '../session/session'
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
  const { lost } = useSession()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const [results, setResults] = useState<Results>({ status: 'idle' })
  const [invalid, setInvalid] = useState(false)
  const ids = { q: useId(), hint: useId(), error: useId() }
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('pages.accounts'))

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
      if (answer.error.status === 401) lost()
      setInvalid(answer.error.status === 400)
      setResults(
        answer.error.status === 400
          ? { status: 'idle' }
          : {
              status: 'error',
              message:
                answer.error.status === 0
                  ? t('errors.network')
                  : answer.error.message || t('errors.unexpected'),
            },
      )
    })
    return () => {
      live = false
    }
  }, [q, language, lost, t])

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

      <form
        className="staff-search"
        onSubmit={onSearch}
        aria-label={t('accounts.searchPanel')}
        key={q}
        noValidate
      >
        <div className="staff-field">
          <label htmlFor={ids.q}>{t('accounts.query')}</label>
          <input
            id={ids.q}
            name="q"
            defaultValue={q}
            inputMode="tel"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
          />
          <p id={ids.hint} className="staff-field__hint">
            {t('accounts.queryHint')}
          </p>
          {invalid && (
            <p id={ids.error} role="alert" className="staff-error">
              {t('accounts.queryInvalid')}
            </p>
          )}
        </div>
        <div className="staff-search__actions">
          <button type="submit" className="as-button as-button--primary">
            {t('accounts.search')}
          </button>
        </div>
      </form>

      {results.status === 'loading' && (
        <p role="status" className="staff-loading">
          {t('common.loading')}
        </p>
      )}
      {results.status === 'error' && (
        <p role="alert" className="staff-error">
          {results.message}
        </p>
      )}
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
