import { NEWS_BODY_MAX, type NewsImage } from '@ansinh/domain'
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Field } from '../shared/field'
import { InsertImageDialog } from './insert-image-dialog'
import { applyMarkdown, insertImage, type MarkdownAction, type TextEdit } from './markdown-toolbar'

type Selection = { start: number; end: number }

const tools: { action: MarkdownAction; syntax: string }[] = [
  { action: 'bold', syntax: '**…**' },
  { action: 'italic', syntax: '_…_' },
  { action: 'heading', syntax: '## …' },
  { action: 'list', syntax: '- …' },
  { action: 'link', syntax: '[…](https://…)' },
]

/**
 * "Nội dung": the article's Markdown in a textarea (`name="body"`), with a toolbar working on its
 * selection (Ctrl+B and Ctrl+I too), "Chèn ảnh" (upload, then `![mô tả](url)` at the cursor), and
 * the short help of what the server renders.
 */
export function MarkdownField({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  error: string | undefined
}) {
  const { t } = useTranslation()
  const field = useRef<HTMLTextAreaElement>(null)
  // Where the selection goes once the text a tool changed is on screen.
  const nextSelection = useRef<Selection | null>(null)
  // Where "Chèn ảnh" puts the image: the selection when its dialog opened.
  const imageAt = useRef<Selection>({ start: 0, end: 0 })
  const [insertingImage, setInsertingImage] = useState(false)

  useLayoutEffect(() => {
    const selection = nextSelection.current
    const textarea = field.current
    if (!selection || !textarea) return
    nextSelection.current = null
    textarea.focus()
    textarea.setSelectionRange(selection.start, selection.end)
  })

  function edit(next: TextEdit) {
    nextSelection.current = { start: next.start, end: next.end }
    onChange(next.text)
  }

  function format(action: MarkdownAction) {
    const textarea = field.current
    if (!textarea) return
    const { selectionStart: start, selectionEnd: end } = textarea
    edit(
      applyMarkdown(
        action,
        { text: textarea.value, start, end },
        {
          bold: t('news.placeholders.bold'),
          italic: t('news.placeholders.italic'),
          heading: t('news.placeholders.heading'),
          list: t('news.placeholders.list'),
          link: t('news.placeholders.link'),
        },
      ),
    )
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
    const key = event.key.toLowerCase()
    if (key === 'b' || key === 'i') {
      event.preventDefault()
      format(key === 'b' ? 'bold' : 'italic')
    }
  }

  function openImageDialog() {
    const textarea = field.current
    if (textarea) imageAt.current = { start: textarea.selectionStart, end: textarea.selectionEnd }
    setInsertingImage(true)
  }

  function onImageInserted(description: string, image: NewsImage) {
    setInsertingImage(false)
    edit(insertImage({ text: value, ...imageAt.current }, description, image.url))
  }

  return (
    <>
      <Field label={label} hint={<MarkdownHelp />} error={error}>
        {(control) => (
          <>
            <fieldset className="news-editor__toolbar">
              <legend className="as-visually-hidden">{t('news.toolbar.label')}</legend>
              {tools.map(({ action, syntax }) => (
                <button
                  key={action}
                  type="button"
                  className={`news-editor__tool news-editor__tool--${action}`}
                  title={syntax}
                  onClick={() => format(action)}
                >
                  {t(`news.toolbar.${action}`)}
                </button>
              ))}
              <button type="button" className="news-editor__tool" onClick={openImageDialog}>
                {t('news.toolbar.image')}
              </button>
            </fieldset>
            <textarea
              {...control}
              ref={field}
              name="body"
              value={value}
              onChange={(event) => onChange(event.target.value)}
              onKeyDown={onKeyDown}
              rows={20}
              maxLength={NEWS_BODY_MAX}
              spellCheck
              required
              aria-required="true"
              className="news-editor__body"
            />
          </>
        )}
      </Field>
      {/* Out of the article's form: the dialog has a form of its own, and forms do not nest. */}
      {insertingImage &&
        createPortal(
          <InsertImageDialog onInsert={onImageInserted} onClose={() => setInsertingImage(false)} />,
          document.body,
        )}
    </>
  )
}

/** The Markdown the body may use, as the server renders it. */
function MarkdownHelp() {
  const { t } = useTranslation()
  const rules = ['paragraph', 'bold', 'italic', 'heading', 'list', 'link', 'image'] as const
  return (
    <>
      {t('news.help.intro')}
      <span className="news-editor__help">
        {rules.map((rule) => (
          <span key={rule}>
            <code translate="no">{t(`news.help.${rule}.syntax`)}</code> {t(`news.help.${rule}.means`)}
          </span>
        ))}
      </span>
    </>
  )
}
