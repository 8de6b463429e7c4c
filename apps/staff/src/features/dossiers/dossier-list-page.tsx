import {
  type DossierListItem,
  dossierConditionLabels,
  dossierConditions,
  dossierKinds,
  dossierStatuses,
  dossierStatusLabels,
} from '@ansinh/domain'
import { useDocumentTitle } from '@ansinh/ui'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { type DossierFilters, searchDossiers } from '../session/api'
import { useLanguage, useSession } from '../session/session'
import { dateTime } from './format'

const filterKeys = ['dossierNumber', 'bhxhCode', 'from', 'to', 'condition', 'status', 'kind'] as const
type FilterKey = (typeof filterKeys)[number]

type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: DossierListItem[]; total: number; nextCursor: string | null; more: boolean }

/** "Hồ sơ ĐK GDĐT" → "Cá nhân": the dossiers within reach, the search panel, keyset pages. */
export function DossierListPage() {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const [params, setParams] = useSearchParams()
  const { lost } = useSession()
  const [list, setList] = useState<ListState>({ status: 'loading' })
  const [expanded, setExpanded] = useState(() => filterKeys.some((key) => params.has(key)))
  const panelId = useId()
  const fieldId = useId()
  useDocumentTitle(`${t('app.name')} – ${t('app.area')}`, t('pages.individuals'))

  const sort = params.get('sort') === 'oldest' ? 'oldest' : 'newest'
  const query = params.toString()

  function filtersOf(cursor?: string): DossierFilters {
    const filters: DossierFilters = { sort }
    for (const key of filterKeys) {
      const value = params.get(key)
      if (value) filters[key] = value
    }
    if (cursor) filters.cursor = cursor
    return filters
  }

  function messageOf(error: { status: number; message: string }): string {
    if (error.status === 401) lost()
    if (error.status === 0) return t('errors.network')
    return error.message || t('errors.unexpected')
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL query is the whole input
  useEffect(() => {
    let live = true
    setList({ status: 'loading' })
    void searchDossiers(filtersOf(), language).then((result) => {
      if (!live) return
      setList(
        result.ok
          ? { status: 'ready', ...result.value, more: false }
          : { status: 'error', message: messageOf(result.error) },
      )
    })
    return () => {
      live = false
    }
  }, [query])

  async function loadMore() {
    if (list.status !== 'ready' || !list.nextCursor) return
    setList({ ...list, more: true })
    const result = await searchDossiers(filtersOf(list.nextCursor), language)
    if (result.ok) {
      setList({
        status: 'ready',
        items: [...list.items, ...result.value.items],
        total: result.value.total,
        nextCursor: result.value.nextCursor,
        more: false,
      })
    } else {
      setList({ status: 'error', message: messageOf(result.error) })
    }
  }

  function onSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    const next = new URLSearchParams()
    for (const key of filterKeys) {
      const value = data.get(key)
      if (typeof value === 'string' && value.trim()) next.set(key, value.trim())
    }
    if (sort !== 'newest') next.set('sort', sort)
    setParams(next)
  }

  function toggleSort() {
    const next = new URLSearchParams(params)
    next.set('sort', sort === 'newest' ? 'oldest' : 'newest')
    setParams(next)
  }

  const open = (id: number) => void navigate(`/dossiers/${id}`, { state: { back: `/dossiers?${query}` } })
  const field = (key: FilterKey) => `${fieldId}-${key}`
  const kindLabel = (kind: string) => t(`dossier.kinds.${kind as 'new'}`)

  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{t('pages.individuals')}</h1>

      <div className="staff-toolbar">
        <button
          type="button"
          className="as-button as-button--secondary"
          aria-expanded={expanded}
          aria-controls={panelId}
          onClick={() => setExpanded(!expanded)}
        >
          {t('list.expand')}
        </button>
      </div>

      <form
        id={panelId}
        hidden={!expanded}
        className="staff-search"
        onSubmit={onSearch}
        aria-label={t('list.searchPanel')}
        key={query}
      >
        <div className="staff-field">
          <label htmlFor={field('dossierNumber')}>{t('list.dossierNumber')}</label>
          <input
            id={field('dossierNumber')}
            name="dossierNumber"
            defaultValue={params.get('dossierNumber') ?? ''}
            spellCheck={false}
          />
        </div>
        <div className="staff-field">
          <label htmlFor={field('bhxhCode')}>{t('list.bhxhCode')}</label>
          <input
            id={field('bhxhCode')}
            name="bhxhCode"
            inputMode="numeric"
            defaultValue={params.get('bhxhCode') ?? ''}
          />
        </div>
        <div className="staff-field">
          <label htmlFor={field('from')}>{t('list.from')}</label>
          <input id={field('from')} name="from" type="date" defaultValue={params.get('from') ?? ''} />
        </div>
        <div className="staff-field">
          <label htmlFor={field('to')}>{t('list.to')}</label>
          <input id={field('to')} name="to" type="date" defaultValue={params.get('to') ?? ''} />
        </div>
        <div className="staff-field">
          <label htmlFor={field('condition')}>{t('list.condition')}</label>
          <select id={field('condition')} name="condition" defaultValue={params.get('condition') ?? ''}>
            <option value="">{t('list.all')}</option>
            {dossierConditions.map((value) => (
              <option key={value} value={value}>
                {dossierConditionLabels[language][value]}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={field('status')}>{t('list.status')}</label>
          <select id={field('status')} name="status" defaultValue={params.get('status') ?? ''}>
            <option value="">{t('list.all')}</option>
            {dossierStatuses.map((value) => (
              <option key={value} value={value}>
                {dossierStatusLabels[language][value]}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={field('kind')}>{t('list.kind')}</label>
          <select id={field('kind')} name="kind" defaultValue={params.get('kind') ?? ''}>
            <option value="">{t('list.all')}</option>
            {dossierKinds.map((value) => (
              <option key={value} value={value}>
                {kindLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-search__actions">
          <button type="submit" className="as-button as-button--primary">
            {t('list.search')}
          </button>
        </div>
      </form>

      {list.status === 'loading' && (
        <p role="status" className="staff-loading">
          {t('common.loading')}
        </p>
      )}
      {list.status === 'error' && (
        <p role="alert" className="staff-error">
          {list.message}
        </p>
      )}
      {list.status === 'ready' && (
        <>
          <p role="status" className="staff-total">
            {t('list.total', { count: list.total })}
          </p>
          <div className="staff-table-wrap">
            <table className="staff-table">
              <caption>{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.dossierNumber')}</th>
                  <th scope="col">{t('list.bhxhCode')}</th>
                  <th scope="col">{t('list.fullName')}</th>
                  <th scope="col">{t('list.kind')}</th>
                  <th scope="col">{t('list.condition')}</th>
                  <th scope="col">{t('list.status')}</th>
                  <th scope="col" aria-sort={sort === 'newest' ? 'descending' : 'ascending'}>
                    <button type="button" className="staff-sort" onClick={toggleSort}>
                      {t('list.submittedAt')} <span aria-hidden="true">{sort === 'newest' ? '▼' : '▲'}</span>
                      <span className="as-visually-hidden">
                        {sort === 'newest' ? t('list.sortedNewest') : t('list.sortedOldest')}
                      </span>
                    </button>
                  </th>
                  <th scope="col">{t('list.assignedTo')}</th>
                  <th scope="col">
                    <span className="as-visually-hidden">{t('list.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr
                    key={item.id}
                    tabIndex={0}
                    className="staff-table__row"
                    onDoubleClick={() => open(item.id)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' && event.target === event.currentTarget) open(item.id)
                    }}
                  >
                    <td translate="no">{item.dossierNumber}</td>
                    <td translate="no">{item.bhxhCode}</td>
                    <td>{item.fullName}</td>
                    <td>{kindLabel(item.kind)}</td>
                    <td>{dossierConditionLabels[language][item.condition]}</td>
                    <td>{dossierStatusLabels[language][item.status]}</td>
                    <td>{dateTime(item.submittedAt)}</td>
                    <td>{item.assignedTo?.fullName ?? '—'}</td>
                    <td>
                      <Link
                        to={`/dossiers/${item.id}`}
                        state={{ back: `/dossiers?${query}` }}
                        aria-label={t('list.viewOne', { number: item.dossierNumber })}
                      >
                        {t('list.view')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.nextCursor && (
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => void loadMore()}
              disabled={list.more}
            >
              {t('list.more')}
            </button>
          )}
        </>
      )}
    </div>
  )
}
