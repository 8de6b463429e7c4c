import { describe, expect, it } from 'vitest'
import { isNewsSlug, newsArticlePath, newsListHref, newsListSearch, newsListViewOf } from './paths'

const viewOf = (search: string) => newsListViewOf(new URLSearchParams(search))

describe('newsListViewOf', () => {
  it.each([
    ['?category=sports', { page: 1 }],
    ['?category=', { page: 1 }],
    ['?page=abc', { page: 1 }],
    ['?page=0', { page: 1 }],
    ['?page=-2', { page: 1 }],
    ['?page=1.5', { page: 1 }],
    ['?page=1001', { page: 1 }],
    ['?category=sports&page=3', { page: 3 }],
    ['?category=policy&page=x', { category: 'policy', page: 1 }],
  ])('keeps what is valid of %s', (search, expected) => {
    expect(viewOf(search)).toEqual(expected)
  })

  it.each([
    ['', { page: 1 }],
    ['?page=2', { page: 2 }],
    ['?category=announcement', { category: 'announcement', page: 1 }],
    ['?category=activity&page=12', { category: 'activity', page: 12 }],
  ])('reads %s', (search, expected) => {
    expect(viewOf(search)).toEqual(expected)
  })
})

describe('newsListHref', () => {
  it.each([
    [{ page: 1 }, '/news'],
    [{ page: 2 }, '/news?page=2'],
    [{ category: 'guidance', page: 1 } as const, '/news?category=guidance'],
    [{ category: 'policy', page: 3 } as const, '/news?category=policy&page=3'],
  ])('%o → %s', (view, expected) => {
    expect(newsListHref(view)).toBe(expected)
  })

  it('reads back what it writes', () => {
    const view = { category: 'policy', page: 4 } as const
    expect(viewOf(newsListSearch(view))).toEqual(view)
  })
})

describe('article addresses', () => {
  it.each(['', 'Tin-Tuc', 'tin tuc', 'tin--tuc', '-tin', '../admin', 'a'.repeat(91)])(
    'refuses the slug %j',
    (slug) => {
      expect(isNewsSlug(slug)).toBe(false)
    },
  )

  it('accepts a slug as the server makes it', () => {
    expect(isNewsSlug('tang-luong-huu-tu-ngay-1-7-2026')).toBe(true)
    expect(newsArticlePath('tang-luong-huu')).toBe('/news/tang-luong-huu')
  })
})
