import { ErrorCode, NEWS_IMAGE_KEY_PATTERN, NEWS_IMAGE_PATH } from '@ansinh/domain'
import MarkdownIt, { type Token } from 'markdown-it'
import sanitizeHtml from 'sanitize-html'
import { DomainError } from '../../platform/errors'

/**
 * An article's body: the editor's Markdown turned into the HTML the app shows. Markdown-it runs with
 * raw HTML off (typed tags come out as text) and its own link check (no `javascript:`); its output then
 * goes through an allow-list sanitiser, so that a bug in either alone lets nothing through. Images may
 * only be the agency's own uploads: an outside image would tell a third party who reads what.
 */

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false })

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'img',
    'blockquote',
    'br',
    'hr',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
  ],
  // No style attribute: the CSP refuses inline styles anyway, and the app's stylesheet sets the look.
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt', 'loading'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    // The article's title is the page's only h1.
    h1: 'h2',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
    img: sanitizeHtml.simpleTransform('img', { loading: 'lazy' }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isOwnImage(frame.attribs.src),
}

function isOwnImage(src: string | undefined): boolean {
  return !!src?.startsWith(NEWS_IMAGE_PATH) && NEWS_IMAGE_KEY_PATTERN.test(src.slice(NEWS_IMAGE_PATH.length))
}

export type RenderedArticle = {
  html: string
  /** The uploaded images the body shows, by key: each must exist. */
  imageKeys: string[]
}

/**
 * The sanitised HTML of a body, or a 400 under `body` naming what cannot be shown: an image that is
 * not an upload, or one without a description (alt text) for those who cannot see it.
 */
export function renderArticle(body: string): RenderedArticle {
  const tokens = markdown.parse(body, {})
  const imageKeys: string[] = []
  const problems = new Set<string>()
  for (const image of imagesOf(tokens)) {
    const src = String(image.attrGet('src') ?? '')
    if (!isOwnImage(src))
      problems.add('Chỉ chèn ảnh đã tải lên bằng nút "Chèn ảnh" (không dùng ảnh từ trang khác).')
    else imageKeys.push(src.slice(NEWS_IMAGE_PATH.length))
    if (image.content.trim() === '') problems.add('Mỗi ảnh cần có mô tả: ![mô tả ảnh](địa chỉ ảnh).')
  }
  if (problems.size > 0)
    throw new DomainError(ErrorCode.ValidationFailed, 'article body refused', {
      fields: { body: [...problems] },
    })
  const html = sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), sanitizeOptions)
  return { html, imageKeys: [...new Set(imageKeys)] }
}

function* imagesOf(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.type === 'image') yield token
    if (token.children) yield* imagesOf(token.children)
  }
}
