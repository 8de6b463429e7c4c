import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import * as domain from './index'

const sourceDir = dirname(fileURLToPath(import.meta.url))
const sources = readdirSync(sourceDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))

describe('package boundaries', () => {
  it('exports the public API from the barrel', () => {
    for (const name of [
      'parsePersonalId',
      'parseHealthCardQr',
      'generateHealthCardQr',
      'parseCitizenIdQr',
      'detectQrKind',
      'foldVietnamese',
      'formatVnd',
      'todayInVietnam',
      'BhxhCode',
      'Gender',
      'ErrorCode',
      'errorMessagesVi',
    ]) {
      expect(domain, name).toHaveProperty(name)
    }
  })

  // The package runs in the browser too: no Node built-ins, no Buffer, no I/O.
  it.each(sources)('%s uses no Node-only API', (file) => {
    const text = readFileSync(join(sourceDir, file), 'utf8')
    expect(text).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\.|\bfs\./)
  })
})
