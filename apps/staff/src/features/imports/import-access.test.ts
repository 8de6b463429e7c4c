import { type StaffRole, staffRoles } from '@ansinh/domain'
import { describe, expect, it } from 'vitest'
import { canSee, mayImport, mayOpen, sectionsOf } from '../session/roles'

// "Nhập dữ liệu" as the API allows it: office and system administrators; the others get a 404.
describe('mayImport', () => {
  const cases: [StaffRole, boolean][] = [
    ['news_editor', false],
    ['organisation_admin', false],
    ['reviewer', false],
    ['office_admin', true],
    ['system_admin', true],
  ]
  it.each(cases)('%s → %s', (role, expected) => {
    expect(mayImport(role)).toBe(expected)
    expect(canSee(role, 'imports')).toBe(expected)
    expect(mayOpen(role, '/imports/12')).toBe(expected)
  })

  it('covers every role', () => {
    expect(cases.map(([role]) => role).sort()).toEqual([...staffRoles].sort())
  })

  it('puts the menu item before the administration', () => {
    expect(sectionsOf('office_admin')).toEqual([
      'dossiers',
      'feedback',
      'accounts',
      'reports',
      'imports',
      'organisations',
      'admin',
      'audit',
    ])
    expect(sectionsOf('reviewer')).toEqual(['dossiers', 'feedback', 'accounts', 'reports'])
    expect(sectionsOf('news_editor')).toEqual(['news'])
  })
})
