import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFailureText } from '../registration/use-submission'
import type { PagedSearch } from './use-paged-search'

export type Fact = [term: string, value: string | null]

/** A phone number as a link the phone can dial (spaces kept for reading, dropped for dialling). */
export function PhoneLink({ phone }: { phone: string }) {
  const { t } = useTranslation()
  return (
    <a href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={t('directoryLookup.call', { phone })}>
      {phone}
    </a>
  )
}

/**
 * One result: its name, what kind of place it is, the distance when sorted by it, its address, its
 * phone (a link to call), then its other facts.
 */
export function ResultCard({
  title,
  subtitle,
  distanceKm,
  address,
  phone,
  facts = [],
}: {
  title: string
  subtitle?: string | null | undefined
  distanceKm?: number | null | undefined
  address?: string | null | undefined
  phone?: string | null | undefined
  facts?: Fact[]
}) {
  const { t, i18n } = useTranslation()
  return (
    <article className="dirlookup-card">
      <h2 className="dirlookup-card__title">{title}</h2>
      {subtitle ? <p className="dirlookup-card__subtitle">{subtitle}</p> : null}
      {distanceKm === null || distanceKm === undefined ? null : (
        <p className="dirlookup-card__distance">
          {t('directoryLookup.distance', {
            km: distanceKm.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN', {
              maximumFractionDigits: 1,
            }),
          })}
        </p>
      )}
      <dl className="dirlookup-card__facts">
        {address ? <CardFact term={t('directoryLookup.address')}>{address}</CardFact> : null}
        {phone ? (
          <CardFact term={t('directoryLookup.phone')}>
            <PhoneLink phone={phone} />
          </CardFact>
        ) : null}
        {facts.map(([term, value]) =>
          value ? (
            <CardFact key={term} term={term}>
              {value}
            </CardFact>
          ) : null,
        )}
      </dl>
    </article>
  )
}

function CardFact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="dirlookup-card__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** The results of a search with its state, and "Tải thêm" while more pages remain. */
export function ResultList<Item>({
  search,
  label,
  render,
}: {
  search: PagedSearch<Item>
  label: string
  render: (item: Item) => { key: string; card: ReactNode }
}) {
  const { t } = useTranslation()
  const failureText = useFailureText()
  if (search.status === 'idle' && search.items.length === 0) return null
  return (
    <section className="dirlookup-results" aria-label={label} aria-busy={search.status === 'loading'}>
      {search.status === 'ok' && search.items.length === 0 ? (
        <p className="dirlookup-note" role="status">
          {t('directoryLookup.empty')}
        </p>
      ) : null}
      {search.items.length > 0 ? (
        <ul className="dirlookup-list">
          {search.items.map((item) => {
            const { key, card } = render(item)
            return <li key={key}>{card}</li>
          })}
        </ul>
      ) : null}
      {search.status === 'error' && search.error ? (
        <div className="reg-alert reg-alert--warning" role="alert">
          <p>{failureText(search.error)}</p>
          <button type="button" className="as-button as-button--secondary" onClick={search.loadMore}>
            {t('directoryLookup.retry')}
          </button>
        </div>
      ) : null}
      {search.status === 'loading' ? (
        <p className="dirlookup-note" role="status">
          {t('directoryLookup.loading')}
        </p>
      ) : null}
      {search.status === 'ok' && search.nextOffset !== null ? (
        <button
          type="button"
          className="as-button as-button--secondary as-button--block"
          onClick={search.loadMore}
        >
          {t('directoryLookup.loadMore')}
        </button>
      ) : null}
    </section>
  )
}
