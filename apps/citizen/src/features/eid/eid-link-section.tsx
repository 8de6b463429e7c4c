import { type EidLinkView, formatDateTimeVi } from '@ansinh/domain'
import { type RefObject, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppConfig } from '../directory-lookup/app-config'
import { useFocusOnSignal } from '../registration/form-controls'
import { useFailureText } from '../registration/use-submission'
import type { ApiFailure } from '../session/api'
import { useCitizenSession } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getEidLink, goToProvider, startEidLink, unlinkEid } from './api'
import './eid.css'

export type EidNotice = { text: string; error: boolean }

/**
 * The account's link to the national e-ID, on the profile and on the link's result page: linked or
 * not, "Liên kết" (the provider's sign-in in link mode: its personal ID must be the holder's) and
 * "Hủy liên kết" after a second, explicit confirmation, since afterwards only the password signs in.
 * `notice`: a message to show first (the link's outcome).
 */
export function EidLinkSection({ notice: initialNotice = null }: { notice?: EidNotice | null }) {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureText = useFailureText()
  const { state, handleFailure } = useCitizenSession()
  // Offline the profile opens from the device's copy without a session: the link can be neither read
  // nor changed then, so the section stays away.
  const csrfToken = state.status === 'signedIn' ? state.session.csrfToken : null
  const config = useAppConfig()
  const [view, setView] = useState<EidLinkView | null>(null)
  const [loadFailure, setLoadFailure] = useState<ApiFailure | null>(null)
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [notice, setNotice] = useState<EidNotice | null>(initialNotice)
  const [noticeSignal, setNoticeSignal] = useState(initialNotice ? 1 : 0)
  const noticeBox = useRef<HTMLDivElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  useFocusOnSignal(noticeBox, noticeSignal, notice !== null)

  const say = (text: string, error = false) => {
    setNotice({ text, error })
    setNoticeSignal((value) => value + 1)
  }
  const failed = (failure: ApiFailure) => {
    if (!handleFailure(failure)) say(failureText(failure), true)
  }

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const result = await getEidLink(language, signal)
      if (result.ok) setView(result.value)
      else if (!handleFailure(result.error)) setLoadFailure(result.error)
    },
    [language, handleFailure],
  )

  useEffect(() => {
    if (csrfToken === null) return
    const controller = new AbortController()
    load(controller.signal).catch(() => undefined)
    return () => controller.abort()
  }, [load, csrfToken])

  useEffect(() => {
    if (asking) confirmButton.current?.focus()
  }, [asking])

  async function link() {
    if (csrfToken === null) return
    setBusy(true)
    const result = await startEidLink(csrfToken, language)
    if (result.ok) return goToProvider(result.value)
    setBusy(false)
    failed(result.error)
  }

  async function unlink() {
    if (csrfToken === null) return
    setBusy(true)
    const result = await unlinkEid(csrfToken, language)
    setBusy(false)
    setAsking(false)
    if (!result.ok) return failed(result.error)
    setView(result.value)
    say(t('eid.link.unlinked'))
  }

  // Nothing to link to without a provider, unless the account was linked before it was turned off.
  const canLink = config?.eid.enabled === true
  if (csrfToken === null) return null
  if (!loadFailure && (view === null || (!view.linked && !canLink && notice === null))) return null

  return (
    <section className="records-card eid-link" aria-labelledby="eid-link-title">
      <h2 id="eid-link-title" className="records-heading">
        {t('eid.link.title')}
      </h2>
      {notice ? (
        <div
          ref={noticeBox}
          tabIndex={-1}
          className={`reg-alert ${notice.error ? 'reg-alert--error' : 'eid-alert--success'}`}
          role={notice.error ? 'alert' : 'status'}
        >
          <p>{notice.text}</p>
        </div>
      ) : null}
      {loadFailure ? (
        <div className="reg-alert reg-alert--error" role="alert">
          <p>{failureText(loadFailure)}</p>
        </div>
      ) : null}
      {view ? (
        <LinkState
          view={view}
          canLink={canLink}
          busy={busy}
          asking={asking}
          confirmButton={confirmButton}
          onAsk={(next) => {
            if (next) setNotice(null)
            setAsking(next)
          }}
          onLink={() => void link()}
          onUnlink={() => void unlink()}
        />
      ) : null}
    </section>
  )
}

/** The link as it is, and the one action it allows (unlinking asks first). */
function LinkState({
  view,
  canLink,
  busy,
  asking,
  confirmButton,
  onAsk,
  onLink,
  onUnlink,
}: {
  view: EidLinkView
  canLink: boolean
  busy: boolean
  asking: boolean
  confirmButton: RefObject<HTMLButtonElement | null>
  onAsk: (asking: boolean) => void
  onLink: () => void
  onUnlink: () => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <dl className="eid-facts">
        <div>
          <dt>{t('eid.link.status')}</dt>
          <dd>
            <span className={`reg-chip ${view.linked ? 'reg-chip--success' : 'reg-chip--muted'}`}>
              {view.linked ? t('eid.link.linked') : t('eid.link.notLinked')}
            </span>
          </dd>
        </div>
        {view.linked && view.linkedAt ? (
          <div>
            <dt>{t('eid.link.linkedAt')}</dt>
            <dd>{formatDateTimeVi(new Date(view.linkedAt))}</dd>
          </div>
        ) : null}
        {view.linked && view.level !== null ? (
          <div>
            <dt>{t('eid.link.level')}</dt>
            <dd>{t('eid.link.levelValue', { level: view.level })}</dd>
          </div>
        ) : null}
      </dl>
      {view.linked ? null : <p className="records-note">{t('eid.link.intro')}</p>}
      {view.linked && asking ? (
        <div className="eid-confirm">
          <p id="eid-unlink-question">{t('eid.link.unlinkQuestion')}</p>
          <div className="eid-actions">
            <button
              ref={confirmButton}
              type="button"
              aria-describedby="eid-unlink-question"
              className="as-button reg-button--danger"
              disabled={busy}
              onClick={onUnlink}
            >
              {t('eid.link.unlinkConfirm')}
            </button>
            <button type="button" className="as-button as-button--secondary" onClick={() => onAsk(false)}>
              {t('eid.link.keep')}
            </button>
          </div>
        </div>
      ) : null}
      {view.linked && !asking ? (
        <button
          type="button"
          className="as-button as-button--secondary eid-link__action"
          onClick={() => onAsk(true)}
        >
          {t('eid.link.unlink')}
        </button>
      ) : null}
      {!view.linked && canLink ? (
        <button
          type="button"
          className="as-button as-button--primary eid-link__action"
          disabled={busy}
          onClick={onLink}
        >
          {busy ? t('eid.signIn.leaving') : t('eid.link.link')}
        </button>
      ) : null}
    </>
  )
}
