import type { ImportStatus } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import {
  fileAccept,
  hasErrorReport,
  progressOf,
  retriesAfter,
  shouldPoll,
  statusLineOf,
} from './import-progress'

describe('progressOf', () => {
  const cases: {
    name: string
    status: ImportStatus
    rowsRead: number
    rowsTotal: number | null
    expected: ReturnType<typeof progressOf>
  }[] = [
    {
      name: 'more read than counted is capped',
      status: 'done',
      rowsRead: 12,
      rowsTotal: 10,
      expected: { value: 10, max: 10, percent: 100 },
    },
    {
      name: 'a negative count reads as none',
      status: 'running',
      rowsRead: -3,
      rowsTotal: 10,
      expected: { value: 0, max: 10, percent: 0 },
    },
    {
      name: 'failed before the file was counted',
      status: 'failed',
      rowsRead: 40,
      rowsTotal: null,
      expected: { value: 0, max: 1, percent: 0 },
    },
    { name: 'queued: not counted yet', status: 'queued', rowsRead: 0, rowsTotal: null, expected: null },
    { name: 'running, still counting', status: 'running', rowsRead: 500, rowsTotal: null, expected: null },
    {
      name: 'running, counted as empty so far',
      status: 'running',
      rowsRead: 0,
      rowsTotal: 0,
      expected: null,
    },
    {
      name: 'running, a third read',
      status: 'running',
      rowsRead: 1,
      rowsTotal: 3,
      expected: { value: 1, max: 3, percent: 33 },
    },
    {
      name: 'rounded down: 100 only when all is read',
      status: 'running',
      rowsRead: 999,
      rowsTotal: 1000,
      expected: { value: 999, max: 1000, percent: 99 },
    },
    {
      name: 'done',
      status: 'done',
      rowsRead: 100000,
      rowsTotal: 100000,
      expected: { value: 100000, max: 100000, percent: 100 },
    },
    {
      name: 'done with an empty file',
      status: 'done',
      rowsRead: 0,
      rowsTotal: 0,
      expected: { value: 1, max: 1, percent: 100 },
    },
    {
      name: 'failed after counting',
      status: 'failed',
      rowsRead: 20,
      rowsTotal: 80,
      expected: { value: 20, max: 80, percent: 25 },
    },
  ]
  it.each(cases)('$name', ({ status, rowsRead, rowsTotal, expected }) => {
    expect(progressOf({ status, rowsRead, rowsTotal })).toEqual(expected)
  })
})

describe('statusLineOf', () => {
  const cases: { status: ImportStatus; failure: string | null; expected: ReturnType<typeof statusLineOf> }[] =
    [
      { status: 'failed', failure: '   ', expected: { key: 'failed', reason: null } },
      { status: 'failed', failure: null, expected: { key: 'failed', reason: null } },
      { status: 'done', failure: 'stale', expected: { key: 'done', reason: null } },
      {
        status: 'failed',
        failure: ' Tệp không phải CSV. ',
        expected: { key: 'failed', reason: 'Tệp không phải CSV.' },
      },
      { status: 'queued', failure: null, expected: { key: 'queued', reason: null } },
      { status: 'running', failure: null, expected: { key: 'running', reason: null } },
      { status: 'done', failure: null, expected: { key: 'done', reason: null } },
    ]
  it.each(cases)('$status, failure $failure', ({ expected, ...view }) => {
    expect(statusLineOf(view)).toEqual(expected)
  })
})

describe('shouldPoll', () => {
  it.each([
    ['done', false],
    ['failed', false],
    ['queued', true],
    ['running', true],
  ] as const)('%s → %s', (status, expected) => {
    expect(shouldPoll(status)).toBe(expected)
  })
})

describe('retriesAfter', () => {
  it.each([
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [0, true],
    [429, true],
    [500, true],
    [503, true],
  ])('HTTP %i → %s', (status, expected) => {
    expect(retriesAfter(status)).toBe(expected)
  })
})

describe('hasErrorReport', () => {
  it.each([
    ['running', 3, false],
    ['failed', 3, false],
    ['done', 0, false],
    ['done', 3, true],
  ] as const)('%s with %i refused → %s', (status, rowsRefused, expected) => {
    expect(hasErrorReport({ status, rowsRefused })).toBe(expected)
  })
})

describe('fileAccept', () => {
  it('offers the formats of the kind chosen, or all of them before', () => {
    expect(fileAccept('employer_declarations')).toContain('.csv')
    expect(fileAccept('employer_declarations')).toContain('.xlsx')
    expect(fileAccept('employer_declarations')).not.toContain('.xml')
    expect(fileAccept('hospital_claims')).toBe('.xml,application/xml,text/xml')
    expect(fileAccept(null).split(',')).toEqual(expect.arrayContaining(['.csv', '.xlsx', '.xml']))
  })
})
