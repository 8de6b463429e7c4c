import { type FaqCategory, type FaqQuestion, faqCategories } from '@ansinh/domain'
import { type FormEvent, useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { ChevronRightIcon } from '../../components/icons'
import { RecordContent } from '../my-records/record-parts'
import { useLanguage } from '../session/use-language'
import { faqEntryPath, getFaq } from './api'
import { EntryRow } from './entry-row'
import { useLoaded } from './use-loaded'

const isCategory = (value: string | null): value is FaqCategory =>
  faqCategories.some((category) => category === value)

/**
 * "Câu hỏi thường gặp": a search (accents and case do not matter; the server folds them) and the
 * categories. The query and category live in the address, so that "Quay lại" from an entry finds the
 * list as it was.
 */
export function FaqBrowser() {
  const { t } = useTranslation()
  const language = useLanguage()
  const [params, setParams] = useSearchParams()
  const q = params.get('q') ?? ''
  const categoryParam = params.get('category')
  const category = isCategory(categoryParam) ? categoryParam : undefined
  const [draft, setDraft] = useState(q)

  const load = useCallback(
    (signal: AbortSignal) =>
      getFaq({ ...(q ? { q } : {}), ...(category ? { category } : {}) }, language, signal),
    [q, category, language],
  )
  const { state, reload } = useLoaded(load)

  const update = (next: { q?: string; category?: FaqCategory | undefined }) => {
    const merged = new URLSearchParams()
    const nextQ = next.q ?? q
    const nextCategory = 'category' in next ? next.category : category
    if (nextQ) merged.set('q', nextQ)
    if (nextCategory) merged.set('category', nextCategory)
    setParams(merged, { replace: true })
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    update({ q: draft.trim() })
  }

  return (
    <section className="support-faq" aria-labelledby="support-faq-title">
      <h2 id="support-faq-title" className="support-heading">
        {t('support.faq.title')}
      </h2>
      <search>
        <form className="support-search" onSubmit={submit}>
          <EntryRow
            type="search"
            label={t('support.faq.searchLabel')}
            value={draft}
            maxLength={200}
            placeholder={t('support.faq.searchPlaceholder')}
            submitLabel={t('support.faq.search')}
            onChange={(value) => {
              setDraft(value)
              if (value === '' && q !== '') update({ q: '' })
            }}
          />
        </form>
      </search>
      <fieldset className="support-categories">
        <legend className="reg-field__label">{t('support.faq.categoryLegend')}</legend>
        <div className="support-categories__list">
          {[undefined, ...faqCategories].map((id) => (
            <button
              key={id ?? 'all'}
              type="button"
              className="support-chip"
              aria-pressed={category === id}
              onClick={() => update({ category: id })}
            >
              {id ? t(`support.categories.${id}`) : t('support.faq.allCategories')}
            </button>
          ))}
        </div>
      </fieldset>
      {language === 'en' ? <p className="support-note">{t('support.translationNote')}</p> : null}
      <RecordContent state={state} reload={reload}>
        {(list) =>
          list.ranked ? <SearchResults q={q} items={list.items} /> : <ByCategory items={list.items} />
        }
      </RecordContent>
    </section>
  )
}

function SearchResults({ q, items }: { q: string; items: FaqQuestion[] }) {
  const { t } = useTranslation()
  return (
    <div className="support-results">
      <p className="support-results__count" role="status">
        {items.length > 0
          ? t('support.faq.results', { count: items.length, q })
          : t('support.faq.noResults', { q })}
      </p>
      {items.length > 0 ? <QuestionList items={items} /> : null}
    </div>
  )
}

function ByCategory({ items }: { items: FaqQuestion[] }) {
  const { t } = useTranslation()
  return (
    <div className="support-groups">
      {faqCategories.map((category) => {
        const inCategory = items.filter((item) => item.category === category)
        if (inCategory.length === 0) return null
        return (
          <section key={category} aria-labelledby={`support-group-${category}`}>
            <h3 id={`support-group-${category}`} className="support-group__title">
              {t(`support.categories.${category}`)}
            </h3>
            <QuestionList items={inCategory} />
          </section>
        )
      })}
    </div>
  )
}

/** Questions as links to their entries. */
export function QuestionList({ items }: { items: FaqQuestion[] }) {
  return (
    <ul className="support-questions">
      {items.map((item) => (
        <li key={item.id}>
          <Link className="support-question" to={faqEntryPath(item.id)}>
            <span>{item.question}</span>
            <ChevronRightIcon />
          </Link>
        </li>
      ))}
    </ul>
  )
}
