import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../../test/app'
import { testBackends } from '../../../test/database'
import { type StaffSignIn, signInStaff } from '../../../test/staff'

describe.each(testBackends())('audit log search on %s', (backend) => {
  let test: TestApp
  let hcmAdmin: StaffSignIn
  let vssAdmin: StaffSignIn
  let reviewer: StaffSignIn

  beforeAll(async () => {
    test = await createTestApp({ backend, env: { RATE_LIMIT_GUESSABLE_PER_MINUTE: '1000' } })
    reviewer = await signInStaff(test.app, 'q5.reviewer')
    await signInStaff(test.app, 'dongda.reviewer')
    hcmAdmin = await signInStaff(test.app, 'hcm.admin')
    vssAdmin = await signInStaff(test.app, 'vss.admin')
  })
  afterAll(async () => test?.close())

  const search = (who: StaffSignIn, query = '') =>
    test.app.inject({ url: `/api/v1/staff/audit${query}`, headers: who.headers })

  it('shows an office administrator the entries of their office tree only, newest first', async () => {
    const page = (await search(hcmAdmin, '?action=staff.sign_in')).json()
    const usernames = new Set(page.items.map((item: { username: string }) => item.username))
    expect(usernames).toContain('q5.reviewer')
    expect(usernames).not.toContain('dongda.reviewer')
    const ids = page.items.map((item: { id: number }) => item.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
  })

  it('shows the national administrator everything, a page at a time', async () => {
    const first = (await search(vssAdmin, '?action=staff.sign_in&limit=2')).json()
    expect(first.items).toHaveLength(2)
    const second = (await search(vssAdmin, `?action=staff.sign_in&limit=2&cursor=${first.nextCursor}`)).json()
    expect(second.items[0].id).toBeLessThan(first.items[1].id)
    const all = (await search(vssAdmin, '?action=staff.sign_in&limit=200')).json()
    expect(all.items.map((item: { username: string }) => item.username)).toContain('dongda.reviewer')
  })

  it('narrows to one staff member by their username, however it is typed', async () => {
    const page = (await search(vssAdmin, '?username=%20Q5.Reviewer%20')).json()
    expect(page.items.length).toBeGreaterThan(0)
    expect(new Set(page.items.map((item: { username: string }) => item.username))).toEqual(
      new Set(['q5.reviewer']),
    )
    expect((await search(hcmAdmin, '?username=dongda.reviewer')).json().items).toEqual([])
  })

  it('is for administrators only, and reading it is audited', async () => {
    expect((await search(reviewer)).statusCode).toBe(404)
    const reads = (await search(vssAdmin, '?action=audit.search')).json()
    expect(reads.items.length).toBeGreaterThan(0)
  })
})
