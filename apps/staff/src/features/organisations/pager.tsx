import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'

/** The page the address asks for (`page=`), 1 when it asks for none or for nonsense. */
export function pageFrom(params: URLSearchParams): number {
  const page = Number(params.get('page'))
  return Number.isInteger(page) && page >= 1 ? page : 1
}

/**
 * "Trang trước" / "Trang sau" of a numbered list, and where it stands ("Trang 2 / 7"); the page is
 * kept in the address with the filters, so Back returns to it.
 */
export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  if (pageCount <= 1) return null
  const go = (next: number) => {
    const search = new URLSearchParams(params)
    if (next === 1) search.delete('page')
    else search.set('page', String(next))
    setParams(search)
  }
  return (
    <nav className="organisations__pager" aria-label={t('organisations.pager.label')}>
      <button
        type="button"
        className="as-button as-button--secondary"
        disabled={page <= 1}
        onClick={() => go(page - 1)}
      >
        {t('organisations.pager.previous')}
      </button>
      <span>{t('organisations.pager.position', { page, pageCount })}</span>
      <button
        type="button"
        className="as-button as-button--secondary"
        disabled={page >= pageCount}
        onClick={() => go(page + 1)}
      >
        {t('organisations.pager.next')}
      </button>
    </nav>
  )
}
