import { describe, expect, it } from 'vitest'
import { detectQrKind } from './qr-kind'

describe('detectQrKind', () => {
  it.each([
    ['', 'unknown'],
    ['hello', 'unknown'],
    ['https://vssid.vn', 'unknown'],
    ['0111077012', 'unknown'],
    ['123456789|a|b', 'unknown'],
    ['00109012345|a|b|c|d|e|f', 'unknown'],
    ['001090123456|a|b', 'unknown'],
    ['ZZ6010120878811|a', 'unknown'],
    ['0111077012|5472e1baa76e|15/08/1992|2|$', 'healthCard'],
    ['HS4010120878811|56c5a9|07/09/2008|1|$', 'healthCard'],
    ['hs4010120878811|56c5a9|07/09/2008|1|$', 'healthCard'],
    ['\u0000', 'unknown'],
    ['001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021', 'citizenId'],
    ['001090123456|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021', 'citizenId'],
    ['001090123456|012345678|NGUYỄN VĂN A|01011990|Nam|Hà Nội|15042021\u0000junk', 'citizenId'],
  ])('%j → %s', (payload, expected) => {
    expect(detectQrKind(payload)).toBe(expected)
  })
})
