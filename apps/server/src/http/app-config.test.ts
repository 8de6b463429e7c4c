import { PublicAppConfig } from '@ansinh/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/app'
import { ConfigError, loadConfig, tileImageSource } from '../config'

describe('MAP_TILE_URL and MAP_TILE_ATTRIBUTION', () => {
  it.each([
    ['http://tile.example.vn/{z}/{x}/{y}.png', /https:\/\/ \(http:\/\/ only for localhost\)/],
    ['ftp://tile.example.vn/{z}/{x}/{y}.png', /starting with https:\/\//],
    ['tile.example.vn/{z}/{x}/{y}.png', /starting with https:\/\//],
    ['https://tile.example.vn/tiles.png', /with \{z\}, \{x\} and \{y\}/],
    ['https://tile.example.vn/{z}/{x}.png', /with \{z\}, \{x\} and \{y\}/],
    ['https://tile.example.vn/{z}/{x}/{y}.png?key={apikey}', /unknown placeholder \{apikey\}/],
    ['https://user:pw@tile.example.vn/{z}/{x}/{y}.png', /must not carry credentials/],
    ['https://tiles.{s}.example.vn/{z}/{x}/{y}.png', /\{s\} may stand only in the first label/],
  ])('rejects %s with a clear message', (url, message) => {
    expect(() => loadConfig({ MAP_TILE_URL: url })).toThrow(ConfigError)
    expect(() => loadConfig({ MAP_TILE_URL: url })).toThrow(/MAP_TILE_URL:/)
    expect(() => loadConfig({ MAP_TILE_URL: url })).toThrow(message)
  })

  it('rejects an attribution written as HTML', () => {
    expect(() =>
      loadConfig({
        MAP_TILE_URL: 'https://tile.example.vn/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: '&copy; <a href="https://osm.org/copyright">OpenStreetMap</a>',
      }),
    ).toThrow(/MAP_TILE_ATTRIBUTION: must be plain text/)
  })

  it('has no base map by default', () => {
    expect(loadConfig({}).map).toBeNull()
  })

  it('keeps the template as written, with the default credit', () => {
    expect(loadConfig({ MAP_TILE_URL: 'https://{s}.tile.example.vn/{z}/{x}/{y}{r}.png' }).map).toEqual({
      tileUrl: 'https://{s}.tile.example.vn/{z}/{x}/{y}{r}.png',
      attribution: '© OpenStreetMap contributors',
      imageSource: 'https://*.tile.example.vn',
    })
    expect(
      loadConfig({ MAP_TILE_URL: 'http://localhost:8080/{z}/{x}/{-y}.png', MAP_TILE_ATTRIBUTION: '© BHXH' })
        .map,
    ).toMatchObject({ attribution: '© BHXH', imageSource: 'http://localhost:8080' })
  })

  it.each([
    ['https://tile.example.vn/osm/{z}/{x}/{y}.png', 'https://tile.example.vn'],
    ['https://tile.example.vn:8443/{z}/{x}/{y}.png?style={s}', 'https://tile.example.vn:8443'],
    ['https://{s}.tile.example.vn/{z}/{x}/{y}.png', 'https://*.tile.example.vn'],
    ['https://{s}.tile.example.vn:8443/{z}/{x}/{y}.png', 'https://*.tile.example.vn:8443'],
  ])('allows the images of %s from %s', (template, source) => {
    expect(tileImageSource(template)).toBe(source)
  })
})

describe('GET /api/v1/app-config without a tile server', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(async () => t?.close())

  it('answers no base map, publicly cacheable, and keeps the CSP to our own images', async () => {
    const response = await t.app.inject('/api/v1/app-config')
    expect(response.statusCode).toBe(200)
    expect(PublicAppConfig.parse(response.json())).toEqual({ map: null, eid: { enabled: false } })
    expect(response.headers['cache-control']).toBe('public, max-age=300')
    expect(response.headers['content-security-policy']).toContain("img-src 'self' data: blob:;")
  })

  it('is documented in the OpenAPI description', async () => {
    const spec = (await t.app.inject('/docs/json')).json()
    expect(spec.paths['/api/v1/app-config'].get).toMatchObject({
      tags: ['configuration'],
      summary: expect.stringMatching(/base map/),
    })
  })
})

describe('GET /api/v1/app-config with a tile server', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({
      env: {
        MAP_TILE_URL: 'https://{s}.tile.example.vn/{z}/{x}/{y}.png',
        MAP_TILE_ATTRIBUTION: '© OpenStreetMap contributors, BHXH Việt Nam',
      },
    })
  })
  afterAll(async () => t?.close())

  it('answers the template and the credit, not the CSP source', async () => {
    const response = await t.app.inject('/api/v1/app-config')
    expect(response.json()).toEqual({
      map: {
        tileUrl: 'https://{s}.tile.example.vn/{z}/{x}/{y}.png',
        attribution: '© OpenStreetMap contributors, BHXH Việt Nam',
      },
      eid: { enabled: false },
    })
  })

  it('lets pages load the tiles from every subdomain of the tile server, and nothing else', async () => {
    for (const url of ['/', '/api/v1/app-config']) {
      const csp = String((await t.app.inject(url)).headers['content-security-policy'])
      expect(csp).toContain("img-src 'self' data: blob: https://*.tile.example.vn;")
      expect(csp).toContain("connect-src 'self';")
    }
  })
})
