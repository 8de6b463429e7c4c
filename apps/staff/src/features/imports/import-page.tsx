import { type ImportKind, ImportView, importKinds, MAX_IMPORT_BYTES } from '@ansinh/domain'
import { type FormEvent, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { useFailureMessage } from '../session/failure-message'
import { homePathOf, mayImport } from '../session/roles'
import { useLanguage, useStaff } from '../session/session'
import { Field } from '../shared/field'
import { type Notice, NoticeBox } from '../shared/notice'
import { NotAllowedPage } from '../shared/page-message'
import { usePageTitle } from '../shared/page-title'
import { uploadImport } from './api'
import { fileAccept } from './import-progress'
import { ImportProgressPanel } from './import-progress-panel'
import { useImportProgress } from './use-import-progress'
import './imports.css'
import { type FieldErrors, useFieldErrors } from '../shared/use-field-errors'

const MAX_MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024

/** What the upload answered, carried to `/imports/:id` so the import shows at once, without a load. */
type Submitted = { submitted: ImportView }

/** `/imports` and `/imports/:id`: for office and system administrators; anyone else is told they may not. */
export function ImportPage() {
  const { t } = useTranslation()
  const { role } = useStaff()
  return mayImport(role) ? (
    <ImportWorkspace />
  ) : (
    <NotAllowedPage
      body={t('imports.notAllowed')}
      back={{ to: homePathOf(role), label: t('imports.back') }}
    />
  )
}

/**
 * "Nhập dữ liệu": the upload form, then the import it made, followed until it is over. The import's
 * id goes into the address (`/imports/12`), so a reload, or the link sent to a colleague, keeps
 * following it.
 */
function ImportWorkspace() {
  const { t } = useTranslation()
  const location = useLocation()
  const navigate = useNavigate()
  const param = useParams().id
  usePageTitle(t('imports.title'))

  // Only a plain positive number is an import's id ("1e2" or " 7" is not).
  const id = param !== undefined && /^[1-9]\d{0,15}$/.test(param) ? Number(param) : null
  // Parsed again: the history's state outlives this version of the app.
  const submitted = useMemo(() => {
    const parsed = ImportView.safeParse((location.state as Partial<Submitted> | null)?.submitted)
    return parsed.success ? parsed.data : null
  }, [location.state])
  const known = submitted?.id === id ? submitted : null
  const progress = useImportProgress(id, known)
  const duplicate = useMemo<Notice | null>(
    () => (known?.duplicate ? { kind: 'success', message: t('imports.duplicate', { id: known.id }) } : null),
    [known, t],
  )

  return (
    <div className="staff-page imports">
      <h1 className="staff-page__title">{t('imports.title')}</h1>
      <UploadForm
        duplicate={duplicate}
        onSubmitted={(view) => void navigate(`/imports/${view.id}`, { state: { submitted: view } })}
      />
      {param !== undefined && (
        <ImportProgressPanel id={id ?? param} progress={id === null ? { status: 'missing' } : progress} />
      )}
    </div>
  )
}

type FieldName = 'kind' | 'file'
const fieldOrder: readonly FieldName[] = ['kind', 'file']

/**
 * The kind of data (radio buttons, each with the layout it expects) and the file; "Tải lên và nhập"
 * sends both. Checked here first with the server's own rules, so the same messages show under the
 * same fields whether the browser or the server refuses; focus then goes to the first field in error.
 */
function UploadForm({
  duplicate,
  onSubmitted,
}: {
  /** "Tệp này đã được nhập trước đó…": the upload answered an earlier import. */
  duplicate: Notice | null
  onSubmitted: (view: ImportView) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const staff = useStaff()
  const failureMessage = useFailureMessage()
  const [kind, setKind] = useState<ImportKind | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [failure, setFailure] = useState<Notice | null>(null)
  const [uploading, setUploading] = useState(false)
  const formRef = useRef<HTMLFormElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const ids = { title: useId(), kindError: useId() }

  const { errors, setErrors, refuse } = useFieldErrors(formRef, fieldOrder)

  /** The browser's own checks, in the server's words: a kind, a file, not over the limit. */
  function checked(): { kind: ImportKind; file: File } | null {
    const fields: FieldErrors = {}
    if (!kind) fields.kind = [t('imports.kindRequired')]
    if (!file || file.size === 0) fields.file = [t('imports.fileRequired')]
    else if (file.size > MAX_IMPORT_BYTES) fields.file = [t('imports.fileTooLarge', { max: MAX_MEGABYTES })]
    if (!kind || !file || fields.file) {
      refuse(fields)
      return null
    }
    return { kind, file }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (uploading) return
    setFailure(null)
    const upload = checked()
    if (!upload) return
    setErrors({})
    setUploading(true)
    const result = await uploadImport(upload.kind, upload.file, staff.csrfToken, language)
    setUploading(false)
    if (!result.ok) {
      const { fields } = result.error
      if (Object.keys(fields).length > 0) refuse(fields)
      else if (result.error.status === 413)
        refuse({ file: [t('imports.fileTooLarge', { max: MAX_MEGABYTES })] })
      else setFailure({ kind: 'error', message: failureMessage(result.error) })
      return
    }
    // Ready for the next file; the kind stays, as files of one kind tend to come together.
    setFile(null)
    if (fileInput.current) fileInput.current.value = ''
    onSubmitted(result.value)
  }

  const errorOf = (name: FieldName) => errors[name]?.join(' ')
  const kindError = errorOf('kind')

  return (
    <>
      <NoticeBox notice={failure ?? duplicate} />
      <form
        ref={formRef}
        className="staff-card imports__form"
        aria-labelledby={ids.title}
        onSubmit={(event) => void onSubmit(event)}
        noValidate
      >
        <h2 id={ids.title}>{t('imports.upload')}</h2>
        <KindChoice
          kind={kind}
          error={kindError}
          errorId={ids.kindError}
          disabled={uploading}
          onChange={(next) => {
            setKind(next)
            setErrors(({ kind: _chosen, ...rest }) => rest)
          }}
        />
        <Field
          label={t('imports.file')}
          hint={t('imports.fileHint', { max: MAX_MEGABYTES })}
          error={errorOf('file')}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              name="file"
              type="file"
              accept={fileAccept(kind)}
              required
              disabled={uploading}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null)
                setErrors(({ file: _chosen, ...rest }) => rest)
              }}
            />
          )}
        </Field>
        <div className="staff-actions">
          <button type="submit" className="as-button as-button--primary" disabled={uploading}>
            {t('imports.submit')}
          </button>
        </div>
        {uploading && (
          <p role="status" className="staff-loading">
            {t('imports.uploading')}
          </p>
        )}
      </form>
    </>
  )
}

/** "Loại dữ liệu": one radio button per kind, each described by the layout of the file it takes. */
function KindChoice({
  kind,
  error,
  errorId,
  disabled,
  onChange,
}: {
  kind: ImportKind | null
  error: string | undefined
  errorId: string
  disabled: boolean
  onChange: (kind: ImportKind) => void
}) {
  const { t } = useTranslation()
  const baseId = useId()
  return (
    <fieldset
      className="staff-radios imports__kinds"
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      disabled={disabled}
    >
      <legend>{t('imports.kind')}</legend>
      {importKinds.map((value) => (
        <div key={value} className="imports__kind">
          <label>
            <input
              type="radio"
              name="kind"
              value={value}
              checked={kind === value}
              aria-describedby={`${baseId}-${value}`}
              onChange={() => onChange(value)}
            />{' '}
            {t(`imports.kinds.${value}`)}
          </label>
          <p id={`${baseId}-${value}`} className="staff-field__hint imports__describe">
            {t(`imports.describe.${value}`)}
          </p>
        </div>
      ))}
      {error && (
        <p id={errorId} className="staff-error">
          {error}
        </p>
      )}
    </fieldset>
  )
}
