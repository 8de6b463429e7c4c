import { describe, expect, it } from 'vitest'
import { applyMarkdown, insertImage, type MarkdownAction, type TextEdit } from './markdown-toolbar'

const placeholders = {
  bold: 'chữ đậm',
  italic: 'chữ nghiêng',
  heading: 'Tiêu đề mục',
  list: 'mục',
  link: 'chữ liên kết',
}

/** `«` and `»` mark the selection; a lone `|` the cursor. */
function parse(marked: string): TextEdit {
  if (marked.includes('|')) {
    const at = marked.indexOf('|')
    return { text: marked.replace('|', ''), start: at, end: at }
  }
  const start = marked.indexOf('«')
  const end = marked.indexOf('»') - 1
  return { text: marked.replace('«', '').replace('»', ''), start, end }
}

function show(edit: TextEdit): string {
  const { text, start, end } = edit
  return start === end
    ? `${text.slice(0, start)}|${text.slice(start)}`
    : `${text.slice(0, start)}«${text.slice(start, end)}»${text.slice(end)}`
}

describe('applyMarkdown', () => {
  const cases: [MarkdownAction, string, string][] = [
    // Nothing selected: the placeholder, selected to be typed over.
    ['bold', 'Xin |', 'Xin **«chữ đậm»**'],
    ['italic', '|', '_«chữ nghiêng»_'],
    ['heading', '|', '## «Tiêu đề mục»'],
    ['heading', 'Đoạn một\n\n|', 'Đoạn một\n\n## «Tiêu đề mục»'],
    ['list', 'Đoạn\n|', 'Đoạn\n- «mục»'],
    ['link', 'Xem |', 'Xem [«chữ liên kết»](https://)'],
    // Words selected.
    ['bold', 'Mức «đóng» BHXH', 'Mức **«đóng»** BHXH'],
    ['bold', 'Mức «đóng »BHXH', 'Mức **«đóng»** BHXH'],
    ['italic', '«Lưu ý»: hạn nộp', '_«Lưu ý»_: hạn nộp'],
    ['link', 'Xem «cổng dịch vụ công» để biết', 'Xem [cổng dịch vụ công](«https://») để biết'],
    ['link', 'Tại «https://baohiemxahoi.gov.vn»', 'Tại [«chữ liên kết»](https://baohiemxahoi.gov.vn)'],
    ['link', '«a [b] c»', '[a \\[b\\] c](«https://»)'],
    // Marked already: off again.
    ['bold', 'Mức **«đóng»** BHXH', 'Mức «đóng» BHXH'],
    ['bold', 'Mức «**đóng**» BHXH', 'Mức «đóng» BHXH'],
    ['italic', '_«Lưu ý»_', '«Lưu ý»'],
    // Lines: every line the selection touches.
    ['heading', 'Thủ tục| mới', '## Thủ tục| mới'],
    ['heading', '### Thủ |tục', '## Thủ |tục'],
    ['heading', '## Thủ |tục', 'Thủ |tục'],
    ['list', 'Giới thiệu\n«Một\nHai\n\nBa»\nKết', 'Giới thiệu\n«- Một\n- Hai\n\n- Ba»\nKết'],
    ['list', '«- Một\n- Hai»', '«Một\nHai»'],
    ['list', '«- Một\nHai»', '«- Một\n- Hai»'],
    ['list', '«Một\n»Hai', '«- Một»\nHai'],
  ]
  it.each(cases)('%s on %j', (action, before, after) => {
    expect(show(applyMarkdown(action, parse(before), placeholders))).toBe(after)
  })
})

describe('insertImage', () => {
  const url = '/api/v1/news/images/0123456789abcdef0123456789abcdef'
  const cases: [string, string, string][] = [
    ['|', 'Trụ sở', `![Trụ sở](${url})|`],
    ['Đoạn một|', 'Trụ sở', `Đoạn một\n\n![Trụ sở](${url})|`],
    ['Đoạn một\n|', 'Trụ sở', `Đoạn một\n\n![Trụ sở](${url})|`],
    ['Trước|Sau', 'Trụ sở', `Trước\n\n![Trụ sở](${url})|\n\nSau`],
    ['Trước\n\n|\n\nSau', 'Trụ sở', `Trước\n\n![Trụ sở](${url})|\n\nSau`],
    ['A «thay» B', 'Ảnh', `A\n\n![Ảnh](${url})|\n\nB`],
    ['|', '  Ảnh [1]\n của  trụ sở ', `![Ảnh \\[1\\] của trụ sở](${url})|`],
  ]
  it.each(cases)('into %j', (before, description, after) => {
    expect(show(insertImage(parse(before), description, url))).toBe(after)
  })
})
