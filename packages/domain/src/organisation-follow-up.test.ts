import { describe, expect, it } from 'vitest'
import { renderMessage } from './message-templates'
import {
  DeclarationsQuery,
  letterDate,
  letterPlace,
  OrganisationDossierQuery,
  ReminderBody,
  reminderOrganisationName,
} from './organisation-follow-up'

describe('letterDate', () => {
  it.each([
    ['2021-06-15', 'ngày 15 tháng 6 năm 2021'],
    ['2027-02-05', 'ngày 05 tháng 02 năm 2027'],
    ['2026-01-31', 'ngày 31 tháng 01 năm 2026'],
    ['2026-12-01', 'ngày 01 tháng 12 năm 2026'],
    ['2026-03-09', 'ngày 09 tháng 3 năm 2026'],
  ])('%s → %s (a zero before a day below 10 and before months 1 and 2)', (date, text) => {
    expect(letterDate(date)).toBe(text)
  })
})

describe('letterPlace', () => {
  it.each([
    ['BHXH Quận 5', 'Quận 5'],
    ['BHXH cơ sở Ba Đình', 'Ba Đình'],
    ['BHXH tỉnh Bắc Ninh', 'Bắc Ninh'],
    ['BHXH TP. Hồ Chí Minh', 'TP. Hồ Chí Minh'],
    ['BHXH Việt Nam', 'Hà Nội'],
    ['Quận 5', 'Quận 5'],
  ])('%s → %s', (office, place) => {
    expect(letterPlace(office)).toBe(place)
  })
})

describe('reminderOrganisationName', () => {
  it('keeps a plain name, and makes any name one the reminder template accepts', () => {
    expect(reminderOrganisationName('Trường THCS Trần Bội Cơ')).toBe('Trường THCS Trần Bội Cơ')
    const optOutUrl = 'https://vssid.example.vn/api/v1/reminders/opt-out/3k9a.AbCdEfGhIjKlMnOpQrStUv'
    for (const name of [
      '"Trường" <THPT> Lê Hồng Phong – cơ sở 2 @ Quận 5',
      `Trường Trung học phổ thông chuyên ${'Lê Hồng Phong '.repeat(12)}`,
      '-- Công ty TNHH Một Thành Viên Dịch Vụ Công Ích Quận 5',
      'Trường'.normalize('NFD'),
    ]) {
      const cleaned = reminderOrganisationName(name)
      expect(cleaned.length).toBeLessThanOrEqual(80)
      expect(() =>
        renderMessage('organisation_reminder', 'sms', 'vi', { organisationName: cleaned, optOutUrl }),
      ).not.toThrow()
    }
    expect(reminderOrganisationName('"Trường" <THPT> Lê Hồng Phong – cơ sở 2')).toBe(
      'Trường THPT Lê Hồng Phong cơ sở 2',
    )
    // A long name is cut between words.
    const long = `Trường ${'Lê Hồng Phong '.repeat(12)}`
    const cut = reminderOrganisationName(long)
    expect(long.startsWith(`${cut} `)).toBe(true)
  })
})

describe('the follow-up queries', () => {
  it('refuse a wrong role, status or page, and treat empty filters as none', () => {
    expect(OrganisationDossierQuery.safeParse({ role: 'teacher' }).success).toBe(false)
    expect(OrganisationDossierQuery.safeParse({ status: 'lost' }).success).toBe(false)
    expect(OrganisationDossierQuery.safeParse({ page: '0' }).success).toBe(false)
    expect(OrganisationDossierQuery.parse({ role: '', unit: ' ', condition: 'awaiting_paper' })).toEqual({
      condition: 'awaiting_paper',
      page: 1,
    })
    expect(DeclarationsQuery.parse({ organisationId: '7', unit: '6A1' })).toEqual({
      organisationId: 7,
      unit: '6A1',
    })
    expect(ReminderBody.safeParse({ unit: 'x'.repeat(51) }).success).toBe(false)
    expect(ReminderBody.parse({})).toEqual({})
  })
})
