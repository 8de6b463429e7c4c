import { ComingSoon } from '@ansinh/ui'
import { usePageTitle } from '../shared/page-title'

/** Stand-in for a back-office screen that a later issue builds; `title` is already translated. */
export function PlaceholderPage({ title }: { title: string }) {
  usePageTitle(title)
  return (
    <div className="staff-page">
      <h1 className="staff-page__title">{title}</h1>
      <ComingSoon />
    </div>
  )
}
