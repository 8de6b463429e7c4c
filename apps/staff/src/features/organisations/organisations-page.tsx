import { type OrganisationView, organisationKindLabels } from '@ansinh/domain'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { canSee, homePathOf } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { NotAllowedPage, PageMessage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { ErrorAlert, Loading } from '../shared/status'
import { AdoptionReportPanel } from './adoption-report'
import { listOrganisations } from './api'
import { DossiersPanel } from './dossiers-panel'
import { MembersPanel } from './members-panel'
import { NewOrganisationForm, TargetForm } from './organisation-forms'
import { OrganisationTree } from './organisation-tree'
import { useLoad } from './use-load'
import './organisations.css'

/** The parts of one organisation's page, each at `/organisations/:id/<tab>` (the report at none). */
const tabs = ['report', 'members', 'dossiers'] as const
export type OrganisationTab = (typeof tabs)[number]

/**
 * "Tổ chức": for organisation administrators (their organisation's subtree), and office and system
 * administrators (the organisations under their offices); anyone else is told they may not.
 */
export function OrganisationsPage({ tab }: { tab: OrganisationTab }) {
  const { t } = useTranslation()
  const { role } = useStaff()
  return canSee(role, 'organisations') ? (
    <Organisations tab={tab} />
  ) : (
    <NotAllowedPage
      body={t('organisations.notAllowed')}
      back={{ to: homePathOf(role), label: t('organisations.back') }}
    />
  )
}

/** The tree beside the chosen organisation; `/organisations` alone opens the first one. */
function Organisations({ tab }: { tab: OrganisationTab }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const { role } = useStaff()
  const param = useParams().id
  const [creating, setCreating] = useState(false)
  const { loaded, reload } = useLoad('organisations', () => listOrganisations(language))
  usePageTitle(t('organisations.title'))

  if (loaded.status === 'loading' || loaded.status === 'missing')
    return (
      <PageMessage title={t('organisations.title')}>
        <Loading />
      </PageMessage>
    )
  if (loaded.status === 'error')
    return (
      <PageMessage title={t('organisations.title')}>
        <ErrorAlert>{loaded.message}</ErrorAlert>
      </PageMessage>
    )
  const items = loaded.value.items
  // `/organisations` alone opens the first organisation (an organisation administrator's own); only
  // a plain positive number is an organisation's id, and one out of the list is out of reach.
  const chosen =
    param === undefined
      ? items[0]
      : /^[1-9]\d{0,15}$/.test(param)
        ? items.find((item) => item.id === Number(param))
        : undefined

  return (
    <div className="staff-page organisations">
      <div className="organisations__layout">
        <OrganisationTree items={items} chosen={chosen?.id ?? null}>
          {/* An organisation administrator works inside its own tree; the others start new trees. */}
          {role !== 'organisation_admin' && (
            <button
              type="button"
              className="as-button as-button--secondary"
              aria-expanded={creating}
              onClick={() => setCreating(!creating)}
            >
              {t('organisations.root.add')}
            </button>
          )}
        </OrganisationTree>
        <div className="organisations__main">
          {creating && (
            <NewOrganisationForm
              parent={null}
              onCreated={(created) => {
                setCreating(false)
                void reload().then(() => navigate(`/organisations/${created.id}`))
              }}
              onCancel={() => setCreating(false)}
            />
          )}
          {chosen ? (
            <OrganisationWorkspace
              key={chosen.id}
              organisation={chosen}
              items={items}
              tab={tab}
              onChanged={reload}
            />
          ) : param === undefined ? (
            <>
              <h1 className="staff-page__title">{t('organisations.title')}</h1>
              <p>{t('organisations.empty')}</p>
            </>
          ) : (
            <OrganisationNotFound />
          )}
        </div>
      </div>
    </div>
  )
}

/** The same answer for an organisation that does not exist and one out of reach, as the API's 404. */
function OrganisationNotFound() {
  const { t } = useTranslation()
  usePageTitle(t('organisations.notFound.title'))
  return (
    <>
      <h1 className="staff-page__title">{t('organisations.notFound.title')}</h1>
      <p>{t('organisations.notFound.body')}</p>
    </>
  )
}

type Panel = 'none' | 'child' | 'target'

/** One organisation: its name, what may be done to it, and its tabs (report, members, dossiers). */
function OrganisationWorkspace({
  organisation,
  items,
  tab,
  onChanged,
}: {
  organisation: OrganisationView
  items: readonly OrganisationView[]
  tab: OrganisationTab
  /** Reads the tree again (a unit added, a target set, members imported); resolves once it has. */
  onChanged: () => Promise<void>
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const [panel, setPanel] = useState<Panel>('none')
  const [version, setVersion] = useState(0)
  usePageTitle(`${organisation.name} – ${t(`organisations.tabs.${tab}`)}`)
  const path = `/organisations/${organisation.id}`
  const toggle = (next: Panel) => setPanel(panel === next ? 'none' : next)

  return (
    <>
      <h1 className="staff-page__title">{organisation.name}</h1>
      <p className="organisations__meta">
        <span translate="no">{organisation.code}</span> ·{' '}
        {organisationKindLabels[language][organisation.kind]} · {organisation.officeName}
      </p>
      <div className="staff-toolbar">
        <button
          type="button"
          className="as-button as-button--secondary"
          aria-expanded={panel === 'child'}
          onClick={() => toggle('child')}
        >
          {t('organisations.addChild')}
        </button>
        <button
          type="button"
          className="as-button as-button--secondary"
          aria-expanded={panel === 'target'}
          onClick={() => toggle('target')}
        >
          {t('organisations.setTarget')}
        </button>
      </div>
      {panel === 'child' && (
        <NewOrganisationForm
          parent={organisation}
          onCreated={(created) => {
            setPanel('none')
            void onChanged().then(() => navigate(`/organisations/${created.id}`))
          }}
          onCancel={() => setPanel('none')}
        />
      )}
      {panel === 'target' && (
        <TargetForm
          organisation={organisation}
          onSaved={() => {
            setPanel('none')
            setVersion((value) => value + 1)
            void onChanged()
          }}
          onCancel={() => setPanel('none')}
        />
      )}

      <nav className="organisations__tabs" aria-label={t('organisations.tabs.label')}>
        {tabs.map((each) => (
          <Link
            key={each}
            to={each === 'report' ? path : `${path}/${each}`}
            aria-current={each === tab ? 'page' : undefined}
            className={each === tab ? 'organisations__tab organisations__tab--active' : 'organisations__tab'}
          >
            {t(`organisations.tabs.${each}`)}
          </Link>
        ))}
      </nav>

      {tab === 'report' && <AdoptionReportPanel key={`${language}-${version}`} organisation={organisation} />}
      {tab === 'members' && (
        <MembersPanel organisation={organisation} items={items} onImported={() => void onChanged()} />
      )}
      {tab === 'dossiers' && <DossiersPanel organisation={organisation} items={items} />}
    </>
  )
}
