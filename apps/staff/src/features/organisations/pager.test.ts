import { describe, expect, it } from 'vitest'
import { pageFrom } from './pager'

describe('pageFrom', () => {
  it.each([
    ['', 1],
    ['page=', 1],
    ['page=abc', 1],
    ['page=0', 1],
    ['page=-2', 1],
    ['page=1.5', 1],
    ['page=1', 1],
    ['page=7', 7],
    ['role=pupil&page=3', 3],
  ])('%s → %i', (search, expected) => {
    expect(pageFrom(new URLSearchParams(search))).toBe(expected)
  })
})
