/**
 * What the body's toolbar does to the Markdown: text and selection in, text and selection out, with
 * no DOM, so that every button is tested without a browser. The page reads the textarea's selection,
 * calls one of these, and puts the answer back.
 */

/** The textarea's value and selection (`start === end` is a cursor). */
export type TextEdit = { text: string; start: number; end: number }

export type MarkdownAction = 'bold' | 'italic' | 'heading' | 'list' | 'link'

/** What a button inserts where nothing is selected, in the editor's language; selected afterwards. */
export type MarkdownPlaceholders = Record<'bold' | 'italic' | 'heading' | 'list' | 'link', string>

const markers = { bold: '**', italic: '_' } as const
const linePrefixes = { heading: '## ', list: '- ' } as const
const urlPlaceholder = 'https://'

export function applyMarkdown(
  action: MarkdownAction,
  edit: TextEdit,
  placeholders: MarkdownPlaceholders,
): TextEdit {
  switch (action) {
    case 'bold':
    case 'italic':
      return wrap(edit, markers[action], placeholders[action])
    case 'heading':
    case 'list':
      return prefixLines(edit, linePrefixes[action], placeholders[action])
    case 'link':
      return link(edit, placeholders.link)
  }
}

/**
 * `**…**` or `_…_` around the selection, or off again when the selection already has it. Spaces at
 * the selection's edges (a double click takes the space after the word) stay outside, as Markdown
 * does not emphasise `** word **`.
 */
function wrap(edit: TextEdit, marker: string, placeholder: string): TextEdit {
  const { text } = edit
  const selected = text.slice(edit.start, edit.end)
  const start = edit.start + (selected.length - selected.trimStart().length)
  const end = edit.end - (selected.length - selected.trimEnd().length)
  const inner = text.slice(start, end)

  // Already marked, the markers outside the selection: take them off.
  if (
    text.slice(start - marker.length, start) === marker &&
    text.slice(end, end + marker.length) === marker
  ) {
    return {
      text: text.slice(0, start - marker.length) + inner + text.slice(end + marker.length),
      start: start - marker.length,
      end: end - marker.length,
    }
  }
  // Already marked, the markers selected with the words.
  if (inner.length > 2 * marker.length && inner.startsWith(marker) && inner.endsWith(marker)) {
    const unwrapped = inner.slice(marker.length, -marker.length)
    return { text: text.slice(0, start) + unwrapped + text.slice(end), start, end: start + unwrapped.length }
  }
  const words = inner.length > 0 ? inner : placeholder
  return {
    text: `${text.slice(0, start)}${marker}${words}${marker}${text.slice(end)}`,
    start: start + marker.length,
    end: start + marker.length + words.length,
  }
}

/** The lines the selection touches: from the start of the first to the end of the last. */
function lineBounds(text: string, start: number, end: number) {
  const from = text.lastIndexOf('\n', start - 1) + 1
  // A selection ending right after a line break does not take the next line.
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end
  const newline = text.indexOf('\n', last)
  return { from, to: newline === -1 ? text.length : newline }
}

/**
 * `## ` (a section heading) or `- ` (a list item) at the start of each line the selection touches,
 * (those without it), or off again when every one has it; a heading of another level becomes `## `. Blank lines stay
 * blank. On an empty line the placeholder comes after the prefix, selected.
 */
function prefixLines(edit: TextEdit, prefix: string, placeholder: string): TextEdit {
  const { text } = edit
  const { from, to } = lineBounds(text, edit.start, edit.end)
  const lines = text.slice(from, to).split('\n')
  const written = lines.filter((line) => line.trim() !== '')

  if (written.length === 0) {
    // Nothing on the line: the prefix and something to type over.
    const block = `${prefix}${placeholder}`
    return {
      text: text.slice(0, from) + block + text.slice(to),
      start: from + prefix.length,
      end: from + block.length,
    }
  }

  const has = (line: string) => line.startsWith(prefix)
  const removing = written.every(has)
  const changed = lines.map((line) => {
    if (line.trim() === '') return line
    if (removing) return line.slice(prefix.length)
    if (has(line)) return line
    const bare = prefix === linePrefixes.heading ? line.replace(/^#{1,6}\s+/, '') : line
    return `${prefix}${bare}`
  })
  const block = changed.join('\n')
  if (edit.start === edit.end && lines.length === 1) {
    // A cursor keeps its place in the words of its line.
    const shift = block.length - (lines[0] ?? '').length
    const cursor = Math.max(from, edit.start + shift)
    return { text: text.slice(0, from) + block + text.slice(to), start: cursor, end: cursor }
  }
  return { text: text.slice(0, from) + block + text.slice(to), start: from, end: from + block.length }
}

const looksLikeUrl = (value: string) => /^https?:\/\/\S+$/i.test(value)

/**
 * `[words](https://)`: the selected words become the link's text and `https://` is selected for the
 * address; a selected address becomes the link's address and the placeholder its text.
 */
function link(edit: TextEdit, placeholder: string): TextEdit {
  const { text } = edit
  const selected = text.slice(edit.start, edit.end).trim()
  const before = text.slice(0, edit.start)
  const after = text.slice(edit.end)
  if (looksLikeUrl(selected)) {
    const inserted = `[${placeholder}](${selected})`
    return {
      text: before + inserted + after,
      start: edit.start + 1,
      end: edit.start + 1 + placeholder.length,
    }
  }
  const words = selected.length > 0 ? escapeLinkText(selected.replace(/\s+/g, ' ')) : placeholder
  const inserted = `[${words}](${urlPlaceholder})`
  const urlStart = edit.start + words.length + 3
  return selected.length > 0
    ? { text: before + inserted + after, start: urlStart, end: urlStart + urlPlaceholder.length }
    : { text: before + inserted + after, start: edit.start + 1, end: edit.start + 1 + words.length }
}

/** Brackets and backslashes in a link's or an image's text would end it early. */
function escapeLinkText(value: string): string {
  return value.replace(/[[\]\\]/g, '\\$&')
}

/**
 * `![description](url)` in place of the selection, as a paragraph of its own (a blank line before
 * and after unless the text already has it); the cursor goes after it.
 */
export function insertImage(edit: TextEdit, description: string, url: string): TextEdit {
  const { text } = edit
  // Spaces where the paragraph breaks would only trail the line before or lead the one after.
  const before = text.slice(0, edit.start).replace(/[ \t]+$/, '')
  const after = text.slice(edit.end).replace(/^[ \t]+/, '')
  const alt = escapeLinkText(description.replace(/\s+/g, ' ').trim())
  const image = `![${alt}](${url})`
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'
  const tail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n'
  const cursor = before.length + lead.length + image.length
  return { text: before + lead + image + tail + after, start: cursor, end: cursor }
}
