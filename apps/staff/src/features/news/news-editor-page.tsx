import {
  NEWS_SUMMARY_MAX,
  NEWS_SUMMARY_MIN,
  NEWS_TITLE_MAX,
  NEWS_TITLE_MIN,
  type NewsCategory,
  NewsDraft,
  NewsPreviewRequest,
  newsCategories,
  type StaffNewsArticle,
  validationErrorOf,
} from '@ansinh/domain'
import { type FormEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { useFailureMessage } from '../session/failure-message'
import { canSee, homePathOf } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { ConfirmDialog } from '../shared/confirm-dialog'
import { Field } from '../shared/field'
import { dateTime } from '../shared/format'
import { type Notice, NoticeBox } from '../shared/notice'
import { NotAllowedPage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { RecordPending, useBackPath } from '../shared/record'
import { ErrorAlert } from '../shared/status'
import { createNews, getNews, previewNews, publishNews, updateNews, withdrawNews } from './api'
import { CoverField } from './cover-field'
import { MarkdownField } from './markdown-field'
import { NewsStatusBadge } from './news-status'
import './news.css'
import { useFieldErrors } from '../shared/use-field-errors'

type Load = Parameters<typeof RecordPending>[0]['load']

/** `/news/new` and `/news/:id`: for news editors; anyone else is told they may not. */
export function NewsEditorPage() {
  const { t } = useTranslation()
  const { role } = useStaff()
  return canSee(role, 'news') ? (
    <NewsEditorLoader />
  ) : (
    <NotAllowedPage body={t('news.notAllowed')} back={{ to: homePathOf(role), label: t('news.back') }} />
  )
}

/**
 * The article in the address, loaded on arrival; none on `/news/new`. A new article, once saved,
 * takes its own address; the article in hand is kept, so the form stays as it is (no second load).
 */
function NewsEditorLoader() {
  const { t } = useTranslation()
  const language = useLanguage()
  const failureMessage = useFailureMessage()
  const navigate = useNavigate()
  const location = useLocation()
  const param = useParams().id
  const wanted = param === undefined ? null : Number(param)
  const [article, setArticle] = useState<StaffNewsArticle | null>(null)
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const back = useBackPath('/news')
  const needsLoad = wanted !== null && article?.id !== wanted

  useEffect(() => {
    if (!needsLoad) return
    if (!Number.isInteger(wanted) || wanted <= 0) {
      setLoad({ status: 'missing' })
      return
    }
    let live = true
    setLoad({ status: 'loading' })
    void getNews(wanted, language).then((result) => {
      if (!live) return
      if (result.ok) setArticle(result.value)
      else
        setLoad(
          result.error.status === 404
            ? { status: 'missing' }
            : { status: 'error', message: failureMessage(result.error) },
        )
    })
    return () => {
      live = false
    }
  }, [needsLoad, wanted, language, failureMessage])

  if (needsLoad) {
    return (
      <RecordPending
        load={load}
        title={t('news.editTitle')}
        missing={{ title: t('news.notFound'), body: t('news.notFoundBody') }}
        back={{ to: back, label: t('news.actions.exit') }}
      />
    )
  }
  return (
    <NewsEditor
      article={article}
      back={back}
      onSaved={(saved) => {
        setArticle(saved)
        if (wanted === null) void navigate(`/news/${saved.id}`, { replace: true, state: location.state })
      }}
    />
  )
}

/** The form as typed: the category may be unchosen; `coverSrc` is the picture shown, not sent. */
type Form = {
  title: string
  category: NewsCategory | ''
  summary: string
  body: string
  coverImageKey: string | null
  coverSrc: string | null
  coverAlt: string
}
type FieldName = 'title' | 'category' | 'summary' | 'coverImageKey' | 'coverAlt' | 'body'
type Busy = 'save' | 'publish' | 'withdraw' | 'preview' | 'cover' | null

const fieldOrder: readonly FieldName[] = ['title', 'category', 'summary', 'coverImageKey', 'coverAlt', 'body']

const emptyForm: Form = {
  title: '',
  category: '',
  summary: '',
  body: '',
  coverImageKey: null,
  coverSrc: null,
  coverAlt: '',
}

function formOf(article: StaffNewsArticle): Form {
  return {
    title: article.title,
    category: article.category,
    summary: article.summary,
    body: article.body,
    coverImageKey: article.coverImageKey,
    coverSrc: article.cover?.thumbnailUrl ?? null,
    coverAlt: article.cover?.alt ?? '',
  }
}

/** Nothing typed is nothing given: "Vui lòng nhập tiêu đề." rather than a length rule. */
const given = (value: string) => (value.trim() === '' ? undefined : value)

/** What the API is sent, before `NewsDraft` checks and tidies it. */
function draftOf(form: Form) {
  return {
    title: given(form.title),
    category: given(form.category),
    summary: given(form.summary),
    body: given(form.body),
    coverImageKey: form.coverImageKey,
    coverAlt: form.coverAlt,
  }
}

const sameDraft = (a: Form, b: Form) => JSON.stringify(draftOf(a)) === JSON.stringify(draftOf(b))

/** Where the citizen app (served at `/` of the same origin) shows a published article. */
const appArticleUrl = (slug: string) => `/news/${encodeURIComponent(slug)}`

/**
 * "Viết bài mới" / "Sửa bài viết": the fields, the Markdown body with its toolbar, the server's
 * preview, and "Lưu nháp", "Đăng bài", "Gỡ bài". Checked with the API's own schema before sending,
 * so the same messages show under the same fields whether the browser or the server refuses.
 */
function NewsEditor({
  article,
  back,
  onSaved,
}: {
  article: StaffNewsArticle | null
  back: string
  onSaved: (article: StaffNewsArticle) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [form, setForm] = useState<Form>(() => (article ? formOf(article) : emptyForm))
  const [saved, setSaved] = useState<Form>(form)
  const [failure, setFailure] = useState<string | null>(null)
  const [notice, setNotice] = useState<Notice | null>(null)
  const [busy, setBusy] = useState<Busy>(null)
  const [confirm, setConfirm] = useState<'publish' | 'withdraw' | null>(null)
  const [preview, setPreview] = useState<{ html: string; body: string } | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const previewHeading = useRef<HTMLHeadingElement>(null)
  const { errors, setErrors, refuse } = useFieldErrors(formRef, fieldOrder)
  // The preview takes focus once it is on screen.
  const focusPreview = useRef(false)
  // The form as it is now, for a save that answers after more was typed.
  const latestForm = useRef(form)
  useLayoutEffect(() => {
    latestForm.current = form
  })
  const ids = { title: useId(), preview: useId() }

  const dirty = !sameDraft(form, saved)
  const status = article?.status ?? null
  const live = status === 'published'
  usePageTitle(article ? article.title : t('news.newArticle'))

  // Closing or reloading the tab with changes unsaved asks first. (Links inside the app do not: the
  // app's BrowserRouter has no blocker; that needs a data router.)
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const update = (change: Partial<Form>) => setForm((current) => ({ ...current, ...change }))
  const errorOf = (name: FieldName) => errors[name]?.join(' ')

  useEffect(() => {
    if (!focusPreview.current) return
    focusPreview.current = false
    previewHeading.current?.focus()
  })

  /** The draft as the API would take it, or the fields refused (and focus on the first). */
  function checked(): NewsDraft | null {
    const parsed = NewsDraft.safeParse(draftOf(form))
    if (parsed.success) return parsed.data
    const fields = validationErrorOf(parsed.error).error.fields ?? {}
    // The schema checks the cover's description only once the rest is there; say it at once.
    if (form.coverImageKey && !form.coverAlt.trim() && !fields.coverAlt) {
      fields.coverAlt = [t('news.fields.coverAltRequired')]
    }
    refuse(fields)
    return null
  }

  /** Creates or updates; answers the saved article, or null after showing why not. */
  async function persist(): Promise<StaffNewsArticle | null> {
    const draft = checked()
    if (!draft) return null
    const sent = form
    setFailure(null)
    const result = article
      ? await updateNews(article.id, draft, staff.csrfToken, language)
      : await createNews(draft, staff.csrfToken, language)
    if (!result.ok) {
      const message = failureMessage(result.error)
      if (Object.keys(result.error.fields).length > 0) {
        setFailure(message)
        refuse(result.error.fields)
      } else {
        setNotice({ kind: 'error', message })
      }
      return null
    }
    setErrors({})
    // The server tidies what it keeps (spaces, line breaks): the form shows that from now on, unless
    // more was typed meanwhile, which stays, unsaved.
    const next = formOf(result.value)
    if (sameDraft(latestForm.current, sent)) setForm(next)
    setSaved(next)
    onSaved(result.value)
    return result.value
  }

  async function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (busy) return
    setBusy('save')
    const result = await persist()
    setBusy(null)
    if (result) {
      setNotice({
        kind: 'success',
        message: t(result.status === 'published' ? 'news.notices.savedLive' : 'news.notices.saved'),
      })
    }
  }

  function askPublish() {
    // A draft that cannot be published is told so under its fields, not after the dialog.
    if (!checked()) return
    setErrors({})
    setConfirm('publish')
  }

  async function publish() {
    setBusy('publish')
    const current = !article || dirty ? await persist() : article
    if (!current) {
      setBusy(null)
      setConfirm(null)
      return
    }
    const result = await publishNews(current.id, staff.csrfToken, language)
    setBusy(null)
    setConfirm(null)
    if (result.ok) {
      onSaved(result.value)
      setNotice({ kind: 'success', message: t('news.notices.published') })
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  async function withdraw() {
    if (!article) return
    setBusy('withdraw')
    const result = await withdrawNews(article.id, staff.csrfToken, language)
    setBusy(null)
    setConfirm(null)
    if (result.ok) {
      onSaved(result.value)
      setNotice({ kind: 'success', message: t('news.notices.withdrawn') })
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  async function showPreview() {
    if (busy) return
    const parsed = NewsPreviewRequest.safeParse({ body: given(form.body) })
    if (!parsed.success) {
      refuse({ ...errors, body: validationErrorOf(parsed.error).error.fields?.body ?? [] })
      return
    }
    setBusy('preview')
    const result = await previewNews(parsed.data.body, staff.csrfToken, language)
    setBusy(null)
    if (result.ok) {
      setErrors(({ body: _previewed, ...rest }) => rest)
      setPreview({ html: result.value.html, body: form.body })
      // The panel is below the form: go there, and have it read.
      focusPreview.current = true
    } else if (result.error.fields.body) {
      refuse({ ...errors, body: result.error.fields.body })
    } else {
      setNotice({ kind: 'error', message: failureMessage(result.error) })
    }
  }

  return (
    <div className="staff-page news-editor">
      <h1 className="staff-page__title" id={ids.title}>
        {article ? article.title : t('news.newArticle')}
      </h1>

      <div className="news-editor__state">
        {status ? <NewsStatusBadge status={status} /> : <span>{t('news.state.new')}</span>}
        {article && (
          <span>{t('news.state.savedAt', { at: dateTime(article.updatedAt), name: article.updatedBy })}</span>
        )}
        {article?.publishedAt && (
          <span>{t('news.state.publishedAt', { at: dateTime(article.publishedAt) })}</span>
        )}
        {dirty && <strong>{t('news.state.unsaved')}</strong>}
        {article && live && <a href={appArticleUrl(article.slug)}>{t('news.actions.viewInApp')}</a>}
      </div>

      <NoticeBox notice={notice} />

      <form
        ref={formRef}
        className="staff-card news-editor__form"
        aria-labelledby={ids.title}
        onSubmit={(event) => void onSave(event)}
        noValidate
      >
        <Field
          label={t('news.fields.title')}
          hint={t('news.fields.titleHint', { min: NEWS_TITLE_MIN, max: NEWS_TITLE_MAX })}
          error={errorOf('title')}
        >
          {(control) => (
            <input
              {...control}
              name="title"
              value={form.title}
              onChange={(event) => update({ title: event.target.value })}
              maxLength={NEWS_TITLE_MAX}
              autoComplete="off"
              required
              aria-required="true"
            />
          )}
        </Field>

        <Field label={t('news.fields.category')} error={errorOf('category')}>
          {(control) => (
            <select
              {...control}
              name="category"
              value={form.category}
              onChange={(event) => update({ category: event.target.value as NewsCategory | '' })}
              required
              aria-required="true"
            >
              <option value="">{t('news.fields.chooseCategory')}</option>
              {newsCategories.map((value) => (
                <option key={value} value={value}>
                  {t(`news.categories.${value}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <Field
          label={t('news.fields.summary')}
          hint={t('news.fields.summaryHint', { min: NEWS_SUMMARY_MIN, max: NEWS_SUMMARY_MAX })}
          error={errorOf('summary')}
        >
          {(control) => (
            <textarea
              {...control}
              name="summary"
              value={form.summary}
              onChange={(event) => update({ summary: event.target.value })}
              rows={3}
              maxLength={NEWS_SUMMARY_MAX}
              required
              aria-required="true"
            />
          )}
        </Field>

        <CoverField
          imageKey={form.coverImageKey}
          src={form.coverSrc}
          alt={form.coverAlt}
          errors={{ coverImageKey: errorOf('coverImageKey'), coverAlt: errorOf('coverAlt') }}
          onImage={(image) => {
            update({ coverImageKey: image.key, coverSrc: image.url })
            setErrors(({ coverImageKey: _cover, ...rest }) => rest)
          }}
          onRemove={() => update({ coverImageKey: null, coverSrc: null, coverAlt: '' })}
          onAltChange={(coverAlt) => update({ coverAlt })}
          onUploading={(uploading) => setBusy(uploading ? 'cover' : null)}
        />

        <MarkdownField
          label={t('news.fields.body')}
          value={form.body}
          onChange={(body) => update({ body })}
          error={errorOf('body')}
        />

        {live && <p className="staff-field__hint">{t('news.state.liveHint')}</p>}
        {failure && <ErrorAlert>{failure}</ErrorAlert>}

        <div className="staff-actions">
          <button
            type="button"
            className="as-button as-button--secondary"
            onClick={() => void showPreview()}
            disabled={busy !== null}
          >
            {t('news.actions.preview')}
          </button>
          <button type="submit" className="as-button as-button--secondary" disabled={busy !== null}>
            {t(live ? 'news.actions.saveChanges' : 'news.actions.save')}
          </button>
          {!live && (
            <button
              type="button"
              className="as-button as-button--primary"
              onClick={askPublish}
              disabled={busy !== null}
            >
              {t('news.actions.publish')}
            </button>
          )}
          {live && (
            <button
              type="button"
              className="as-button as-button--secondary"
              onClick={() => setConfirm('withdraw')}
              disabled={busy !== null}
            >
              {t('news.actions.withdraw')}
            </button>
          )}
          <Link to={back} className="as-button as-button--ghost">
            {t('news.actions.exit')}
          </Link>
        </div>
      </form>

      {preview && (
        <section className="staff-card news-preview" aria-labelledby={ids.preview}>
          <h2 id={ids.preview} ref={previewHeading} tabIndex={-1}>
            {t('news.preview.title')}
          </h2>
          {preview.body !== form.body && <p className="staff-field__hint">{t('news.preview.stale')}</p>}
          <div
            className="news-preview__body"
            // The server renders the Markdown and sanitises the HTML it answers (an allow-list of
            // elements, attributes and image sources); nothing typed here reaches the page unescaped.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server, see above
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        </section>
      )}

      {confirm === 'publish' && (
        <ConfirmDialog
          title={t('news.confirmPublish.title')}
          confirmLabel={t('news.actions.publish')}
          busy={busy === 'publish'}
          onConfirm={() => void publish()}
          onClose={() => setConfirm(null)}
        >
          <p>{t('news.confirmPublish.body')}</p>
          {(dirty || !article) && <p>{t('news.confirmPublish.unsaved')}</p>}
        </ConfirmDialog>
      )}
      {confirm === 'withdraw' && (
        <ConfirmDialog
          title={t('news.confirmWithdraw.title')}
          confirmLabel={t('news.actions.withdraw')}
          busy={busy === 'withdraw'}
          onConfirm={() => void withdraw()}
          onClose={() => setConfirm(null)}
        >
          <p>{t('news.confirmWithdraw.body')}</p>
        </ConfirmDialog>
      )}
    </div>
  )
}
