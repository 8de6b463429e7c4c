import { type StaffRole, staffRoles } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { canSee, homePathOf, mayOpen, sectionsOf } from '../session/roles'

// "Tổ chức" as the API allows it: organisation, office and system administrators; the others get a 404.
describe('the organisations section', () => {
  const cases: [StaffRole, boolean][] = [
    ['news_editor', false],
    ['reviewer', false],
    ['organisation_admin', true],
    ['office_admin', true],
    ['system_admin', true],
  ]
  it.each(cases)('%s → %s', (role, expected) => {
    expect(canSee(role, 'organisations')).toBe(expected)
    expect(mayOpen(role, '/organisations/12/members')).toBe(expected)
  })

  it('covers every role', () => {
    expect(cases.map(([role]) => role).sort()).toEqual([...staffRoles].sort())
  })

  it('is all an organisation administrator sees, and where its work starts', () => {
    expect(sectionsOf('organisation_admin')).toEqual(['organisations'])
    expect(homePathOf('organisation_admin')).toBe('/organisations')
  })

  it.each([
    '/dossiers',
    '/dossiers/7',
    '/feedback',
    '/accounts/3',
    '/reports',
    '/imports',
    '/admin',
    '/audit',
  ])('keeps an organisation administrator out of %s', (path) => {
    expect(mayOpen('organisation_admin', path)).toBe(false)
  })

  it('leaves the casework roles where they start', () => {
    expect(homePathOf('reviewer')).toBe('/dossiers')
    expect(homePathOf('office_admin')).toBe('/dossiers')
  })
})
