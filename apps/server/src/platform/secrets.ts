import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from '../config'

export type Secrets = { sessionSecret: string; fileEncryptionKey: Buffer }

/**
 * Secrets come from the environment. Outside production a missing one is generated once and kept in
 * `<DATA_DIR>/secrets.json` (mode 0600) so that a demo restarts with the same keys; the caller says so.
 */
export function resolveSecrets(config: Config): { secrets: Secrets; generatedFile: string | null } {
  const file = join(config.dataDir, 'secrets.json')
  const needsLocal = !config.secrets.sessionSecret || !config.secrets.fileEncryptionKey
  const local = needsLocal ? readOrCreateLocalSecrets(file) : null
  const sessionSecret = config.secrets.sessionSecret ?? local?.sessionSecret
  const fileEncryptionKey = config.secrets.fileEncryptionKey ?? local?.fileEncryptionKey
  if (!sessionSecret || !fileEncryptionKey) throw new Error('secrets could not be resolved')
  return {
    secrets: { sessionSecret, fileEncryptionKey: Buffer.from(fileEncryptionKey, 'base64') },
    generatedFile: local ? file : null,
  }
}

function readOrCreateLocalSecrets(file: string): { sessionSecret: string; fileEncryptionKey: string } {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'))
  const secrets = {
    sessionSecret: randomBytes(48).toString('base64url'),
    fileEncryptionKey: randomBytes(32).toString('base64'),
  }
  mkdirSync(join(file, '..'), { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
