import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  ErrorCode,
  type FacilityKeyIssued,
  type FacilityKeyView,
  type NewFacilityKeyBody,
} from '@ansinh/domain'
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Deps } from '../../app'
import type { Config } from '../../config'
import type { Executor } from '../../db/client'
import { facilityApiKeys } from '../../db/schema'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { findFacility } from '../directory/repo'
import type { StaffActor } from '../identity/staff-actor'

/**
 * Per-facility API keys of the integration API (the card check, the claim files).
 *
 * A key reads `ansk_<prefix>_<secret>`: `ansk_` says what it is (a secret scanner can spot one in a
 * leaked file), the prefix is 8 random characters of [a-z0-9] that find the row (unique, not
 * secret), the secret is base64url of 32 random bytes. The server keeps the prefix and the SHA-256
 * (hex) of the whole key, answers the key once when it is issued, and compares hashes in constant
 * time. 256 random bits need no slow hash: nothing can be guessed from the digest.
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireFacilityKey`: the calling facility and the key it called with. */
    facility?: { keyId: number; facilityCode: string }
  }
}

const keyPattern = /^ansk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/
const prefixAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

type KeyRow = typeof facilityApiKeys.$inferSelect

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function randomPrefix(): string {
  // 252 = 7 × 36: bytes at or above it are dropped, so every character is equally likely.
  let prefix = ''
  while (prefix.length < 8) {
    for (const byte of randomBytes(16)) {
      if (byte < 252 && prefix.length < 8) prefix += prefixAlphabet[byte % 36]
    }
  }
  return prefix
}

/** A new key, its prefix and the hash to keep. */
export function generateFacilityKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomPrefix()
  const key = `ansk_${prefix}_${randomBytes(32).toString('base64url')}`
  return { key, prefix, keyHash: sha256Hex(key) }
}

/** The prefix of a well-formed key; null for anything else. */
export function facilityKeyPrefix(key: string): string | null {
  return keyPattern.exec(key)?.[1] ?? null
}

function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

export function presentFacilityKey(row: KeyRow): FacilityKeyView {
  return {
    id: row.id,
    facilityCode: row.facilityCode,
    label: row.label,
    prefix: row.prefix,
    perMinute: row.perMinute,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }
}

// ---------------------------------------------------------------------------------------------
// Back-office: issue, list, revoke (system administrators; every action audited, never the key)

type KeyDeps = Pick<Deps, 'database' | 'clock'>

const unknownFacility = () =>
  new DomainError(ErrorCode.ValidationFailed, 'unknown facility code', {
    fields: { facilityCode: ['Không có cơ sở khám chữa bệnh với mã này.'] },
  })

export async function issueFacilityKey(
  deps: KeyDeps,
  actor: StaffActor,
  body: NewFacilityKeyBody,
): Promise<FacilityKeyIssued> {
  const db = deps.database.db
  if (!(await findFacility(db, body.facilityCode))) throw unknownFacility()
  return db.transaction(async (tx) => {
    // A prefix is 36^8 ≈ 2.8 × 10^12 values: a clash is rare enough that a second draw settles it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { key, prefix, keyHash } = generateFacilityKey()
      const [row] = await tx
        .insert(facilityApiKeys)
        .values({
          facilityCode: body.facilityCode,
          label: body.label,
          prefix,
          keyHash,
          createdBy: actor.id,
          perMinute: body.perMinute ?? null,
          createdAt: deps.clock(),
        })
        .onConflictDoNothing({ target: facilityApiKeys.prefix })
        .returning()
      if (!row) continue
      await recordAudit(tx, {
        actor,
        action: 'facility_key.issue',
        recordType: 'facility_api_key',
        recordId: row.id,
        detail: { facilityCode: row.facilityCode, prefix: row.prefix, perMinute: row.perMinute },
      })
      return { ...presentFacilityKey(row), key }
    }
    throw new Error('could not draw a free key prefix')
  })
}

export async function listFacilityKeys(
  deps: KeyDeps,
  actor: StaffActor,
  facilityCode: string,
): Promise<{ items: FacilityKeyView[] }> {
  return deps.database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(facilityApiKeys)
      .where(eq(facilityApiKeys.facilityCode, facilityCode))
      .orderBy(asc(facilityApiKeys.id))
    await recordAudit(tx, {
      actor,
      action: 'facility_key.list',
      recordType: 'medical_facility',
      recordId: facilityCode,
      detail: { count: rows.length },
    })
    return { items: rows.map(presentFacilityKey) }
  })
}

/** Revokes at once (the next request with it is refused); revoking a revoked key changes nothing. */
export async function revokeFacilityKey(
  deps: KeyDeps,
  actor: StaffActor,
  id: number,
): Promise<FacilityKeyView> {
  return deps.database.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(facilityApiKeys)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(facilityApiKeys.id, id), isNull(facilityApiKeys.revokedAt)))
      .returning()
    const row = revoked ?? (await findKeyById(tx, id))
    if (!row) throw notFound('facility key')
    await recordAudit(tx, {
      actor,
      action: 'facility_key.revoke',
      recordType: 'facility_api_key',
      recordId: row.id,
      detail: { facilityCode: row.facilityCode, prefix: row.prefix, alreadyRevoked: !revoked },
    })
    return presentFacilityKey(row)
  })
}

async function findKeyById(db: Executor, id: number): Promise<KeyRow | null> {
  const [row] = await db.select().from(facilityApiKeys).where(eq(facilityApiKeys.id, id))
  return row ?? null
}

// ---------------------------------------------------------------------------------------------
// Authentication of the integration API

const badKey = () =>
  new DomainError(ErrorCode.Unauthenticated, 'missing, unknown or revoked facility key', {
    userMessage: {
      vi:
        'Thiếu khóa API hoặc khóa không hợp lệ/đã bị thu hồi. Gửi khóa do cơ quan BHXH cấp trong tiêu đề ' +
        '"Authorization: Bearer ansk_…" hoặc "x-api-key".',
      en:
        'The API key is missing, not valid or revoked. Send the key the BHXH agency issued in the ' +
        '"Authorization: Bearer ansk_…" or "x-api-key" header.',
    },
  })

/** The key a request carries: `Authorization: Bearer …`, else `x-api-key`. */
function keyOf(request: FastifyRequest): string | null {
  const authorization = request.headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
    return match?.[1] ?? null
  }
  const header = request.headers['x-api-key']
  return typeof header === 'string' ? header.trim() : null
}

const touchEveryMs = 60_000

/** The live key row of a presented key, or null; notes its use at most once a minute. */
export async function authenticateFacilityKey(deps: KeyDeps, key: string | null): Promise<KeyRow | null> {
  const prefix = key === null ? null : facilityKeyPrefix(key)
  if (key === null || prefix === null) return null
  const db = deps.database.db
  const [row] = await db.select().from(facilityApiKeys).where(eq(facilityApiKeys.prefix, prefix))
  if (!row || !hashesEqual(row.keyHash, sha256Hex(key)) || row.revokedAt !== null) return null
  const now = deps.clock()
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= touchEveryMs) {
    // The condition again in SQL: of many processes touching at once, one writes.
    const stale = new Date(now.getTime() - touchEveryMs)
    await db
      .update(facilityApiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(facilityApiKeys.id, row.id),
          or(isNull(facilityApiKeys.lastUsedAt), lt(facilityApiKeys.lastUsedAt, stale)),
        ),
      )
  }
  return row
}

// What the rate limiter needs of an authenticated request: kept beside the request, not on it.
const limits = new WeakMap<FastifyRequest, { prefix: string; perMinute: number | null }>()

/**
 * The preHandler of every integration route: a live key (401 UNAUTHENTICATED otherwise) → sets
 * `request.facility`. Put `facilityKeyRateLimit` in the route's config so that the limit counts per
 * key after this has run.
 */
export function requireFacilityKey(app: FastifyInstance): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const row = await authenticateFacilityKey(app.deps, keyOf(request))
    if (!row) {
      reply.header('www-authenticate', 'Bearer realm="ansinh-integration"')
      throw badKey()
    }
    request.facility = { keyId: row.id, facilityCode: row.facilityCode }
    limits.set(request, { prefix: row.prefix, perMinute: row.perMinute })
  }
}

/** The calling facility of a route behind `requireFacilityKey`. */
export function facilityOf(request: FastifyRequest): { keyId: number; facilityCode: string } {
  if (!request.facility) throw new Error('facilityOf: the route has no requireFacilityKey preHandler')
  return request.facility
}

/** How the integration routes authenticate, for their OpenAPI descriptions. */
export const facilityKeySecurity =
  'Authenticated with the facility’s API key: `Authorization: Bearer ansk_…` (or `x-api-key: ansk_…`); a ' +
  'missing, unknown or revoked key answers 401 UNAUTHENTICATED. Rate-limited per key (429 beyond it).'

/**
 * `config: { rateLimit: facilityKeyRateLimit(config) }`: requests a minute per key (the row's
 * `perMinute`, else INTEGRATION_KEY_PER_MINUTE), whatever the address; counted in the preHandler
 * stage, after `requireFacilityKey` (a route's own preHandler runs first).
 */
export function facilityKeyRateLimit(config: Pick<Config, 'integrationKeyPerMinute'>) {
  return {
    hook: 'preHandler' as const,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const limit = limits.get(request)
      return limit ? `facility-key:${limit.prefix}` : `facility-key-ip:${request.ip}`
    },
    max: (request: FastifyRequest) => limits.get(request)?.perMinute ?? config.integrationKeyPerMinute,
  }
}
