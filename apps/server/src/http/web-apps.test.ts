import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app'
import { webApps } from './web-apps'

const built = webApps.every((webApp) => existsSync(`${webApp.dist}/index.html`))

describe.skipIf(!built)('built web apps', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } })
  })
  afterAll(async () => t?.close())

  it.each([
    ['/', 'citizen'],
    ['/the-card', 'citizen'],
    ['/staff/', 'staff'],
    ['/staff/dossiers/123', 'staff'],
  ])('serves %s from the %s app', async (path) => {
    const response = await t.app.inject(path)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it.each(['/assets/missing-abc123.js', '/icons/nope.png', '/staff/assets/gone.css'])(
    'answers 404 for a missing file %s, not the HTML shell',
    async (path) => {
      const response = await t.app.inject(path)
      expect(response.statusCode).toBe(404)
      expect(response.headers['content-type']).toMatch(/application\/json/)
    },
  )

  it('never rate-limits pages and assets (one page load is a dozen requests)', async () => {
    for (let i = 0; i < 6; i++) expect((await t.app.inject('/')).statusCode).toBe(200)
  })

  it('keeps JSON 404s for API-like paths', async () => {
    expect((await t.app.inject('/api/v1/unknown')).headers['content-type']).toMatch(/application\/json/)
  })
})
