import type { OrganisationView } from '@ansinh/domain'
import { type ReactNode, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ancestorsOf, buildTree, initiallyExpanded, type OrganisationNode } from './tree'

/**
 * "Cây tổ chức": nested lists of links, each branch with a button that opens or folds it
 * (`aria-expanded`), the chosen organisation marked `aria-current`. Links and buttons keep the
 * keyboard's usual Tab order, which a full ARIA tree widget would replace with arrow keys.
 */
export function OrganisationTree({
  items,
  chosen,
  children,
}: {
  items: readonly OrganisationView[]
  chosen: number | null
  /** Under the tree: what starts a new one. */
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const [expanded, setExpanded] = useState(() => initiallyExpanded(items, chosen))
  const headingId = useId()

  // An organisation chosen elsewhere (one just created, a unit of the ranked table) shows in its branch.
  useEffect(() => {
    if (chosen !== null) setExpanded((current) => new Set([...current, ...ancestorsOf(items, chosen)]))
  }, [chosen, items])

  function toggle(id: number) {
    setExpanded((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }

  const roots = buildTree(items)
  return (
    <nav className="staff-card organisations__tree" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisations.tree')}</h2>
      {roots.length === 0 ? (
        <p>{t('organisations.none')}</p>
      ) : (
        <Branch nodes={roots} chosen={chosen} expanded={expanded} onToggle={toggle} />
      )}
      {children}
    </nav>
  )
}

function Branch({
  nodes,
  chosen,
  expanded,
  onToggle,
}: {
  nodes: readonly OrganisationNode[]
  chosen: number | null
  expanded: ReadonlySet<number>
  onToggle: (id: number) => void
}) {
  const { t } = useTranslation()
  return (
    <ul className="organisations__branch">
      {nodes.map(({ organisation, children }) => {
        const open = expanded.has(organisation.id)
        const childrenId = `organisation-${organisation.id}-children`
        return (
          <li key={organisation.id}>
            <div className="organisations__node">
              {children.length > 0 ? (
                <button
                  type="button"
                  className="organisations__toggle"
                  aria-expanded={open}
                  aria-controls={childrenId}
                  aria-label={t(open ? 'organisations.collapse' : 'organisations.expand', {
                    name: organisation.name,
                  })}
                  onClick={() => onToggle(organisation.id)}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </button>
              ) : (
                <span className="organisations__leaf" aria-hidden="true" />
              )}
              <Link
                to={`/organisations/${organisation.id}`}
                aria-current={organisation.id === chosen ? 'page' : undefined}
                className="organisations__link"
              >
                {organisation.name}
              </Link>
            </div>
            {children.length > 0 && (
              <div id={childrenId} hidden={!open}>
                <Branch nodes={children} chosen={chosen} expanded={expanded} onToggle={onToggle} />
              </div>
            )}
          </li>
        )
      })}
    </ul>
  )
}
