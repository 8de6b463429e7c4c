import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from './page-title'

export type BackLink = { to: string; label: string }

/** A page with only something to say (not found, not allowed, still loading) and maybe a way back. */
export function PageMessage({
  title,
  back,
  children,
}: {
  title: string
  back?: BackLink
  children: ReactNode
}) {
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{title}</h1>
      {children}
      {back && (
        <p>
          <Link to={back.to}>{back.label}</Link>
        </p>
      )}
    </div>
  )
}

/** "Không có quyền truy cập": a page of a role the signed-in staff member does not hold. */
export function NotAllowedPage({ body, back }: { body: string; back?: BackLink }) {
  const { t } = useTranslation()
  usePageTitle(t('common.notAllowed'))
  return (
    <PageMessage title={t('common.notAllowed')} back={back}>
      <p>{body}</p>
    </PageMessage>
  )
}
