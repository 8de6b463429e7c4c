import { describe, expect, it } from 'vitest'
import { NewsDraft, newsSlugOf } from './news'

describe('newsSlugOf', () => {
  it('folds the title to lower-case ASCII words joined by dashes', () => {
    expect(newsSlugOf('Đổi thẻ BHYT: hướng dẫn mới (2026)!')).toBe('doi-the-bhyt-huong-dan-moi-2026')
    expect(newsSlugOf('Hoà bình — Hòa bình')).toBe('hoa-binh-hoa-binh')
  })

  it('cuts a long title at a word within 80 characters, and never answers an empty slug', () => {
    const slug = newsSlugOf('Thông báo '.repeat(20))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug.endsWith('-')).toBe(false)
    expect(slug.split('-').every((word) => word === 'thong' || word === 'bao')).toBe(true)
    expect(newsSlugOf('!!! ???')).toBe('tin-tuc')
  })
})

describe('NewsDraft', () => {
  const draft = {
    title: '  Thông báo   lịch nghỉ Tết  ',
    category: 'announcement',
    summary: 'Lịch nghỉ Tết Nguyên đán của các cơ quan BHXH.',
    body: 'Nội dung\r\nbài viết',
  }

  it('normalises the text it takes: NFC, single spaces, line ends', () => {
    const parsed = NewsDraft.parse({ ...draft, title: 'Hoa\u0300 bi\u0300nh được công bố' })
    expect(parsed.title).toBe('Hoà bình được công bố'.normalize('NFC'))
    expect(NewsDraft.parse(draft)).toMatchObject({
      title: 'Thông báo lịch nghỉ Tết',
      body: 'Nội dung\nbài viết',
    })
  })

  it('asks for a description of the cover for those who cannot see it', () => {
    const result = NewsDraft.safeParse({ ...draft, coverImageKey: 'a'.repeat(32) })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['coverAlt'])
    expect(
      NewsDraft.safeParse({ ...draft, coverImageKey: 'a'.repeat(32), coverAlt: 'Ảnh trụ sở' }).success,
    ).toBe(true)
  })
})
