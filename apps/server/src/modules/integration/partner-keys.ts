import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import {
  ErrorCode,
  type NewPartnerKeyBody,
  type PartnerKeyIssued,
  type PartnerKeyQuery,
  type PartnerKeyView,
  PartnerKind,
} from '@ansinh/domain'
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Deps } from '../../app'
import type { Config } from '../../config'
import type { Executor } from '../../db/client'
import { partnerApiKeys } from '../../db/schema'
import { DomainError, notFound } from '../../platform/errors'
import { recordAudit } from '../audit/service'
import { findFacility } from '../directory/repo'
import type { StaffActor } from '../identity/staff-actor'
import { employerExists } from '../registry/service'

/**
 * The partners' API keys of the integration API: a medical facility's (the card check, the claim
 * files) or an employer's (the declaration lists). A key belongs to exactly one partner and opens
 * only the routes of its kind of partner.
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
    /** Set by `requireEmployerKey`: the calling employer unit and the key it called with. */
    employer?: { keyId: number; unitCode: string }
  }
}

const keyPattern = /^ansk_([a-z0-9]{8})_([A-Za-z0-9_-]{43})$/
const prefixAlphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'

type KeyRow = typeof partnerApiKeys.$inferSelect

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
export function generatePartnerKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = randomPrefix()
  const key = `ansk_${prefix}_${randomBytes(32).toString('base64url')}`
  return { key, prefix, keyHash: sha256Hex(key) }
}

/** The prefix of a well-formed key; null for anything else. */
export function partnerKeyPrefix(key: string): string | null {
  return keyPattern.exec(key)?.[1] ?? null
}

function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex')
  const right = Buffer.from(b, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Which kind of partner a key row belongs to (the database holds exactly one of the two codes). */
function kindOf(row: KeyRow): PartnerKind {
  return row.facilityCode !== null ? PartnerKind.Facility : PartnerKind.Employer
}

export function presentPartnerKey(row: KeyRow): PartnerKeyView {
  return {
    id: row.id,
    facilityCode: row.facilityCode,
    employerUnitCode: row.employerUnitCode,
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

const unknownEmployer = () =>
  new DomainError(ErrorCode.ValidationFailed, 'unknown employer unit code', {
    fields: { employerUnitCode: ['Không có đơn vị với mã này.'] },
  })

/** The partner of a request: the facility or the employer named, checked to exist. */
async function checkedPartner(
  db: Executor,
  codes: { facilityCode?: string | undefined; employerUnitCode?: string | undefined },
): Promise<
  { facilityCode: string; employerUnitCode: null } | { facilityCode: null; employerUnitCode: string }
> {
  if (codes.facilityCode !== undefined) {
    if (!(await findFacility(db, codes.facilityCode))) throw unknownFacility()
    return { facilityCode: codes.facilityCode, employerUnitCode: null }
  }
  if (codes.employerUnitCode === undefined) throw new Error('the schema lets no partner through')
  if (!(await employerExists(db, codes.employerUnitCode))) throw unknownEmployer()
  return { facilityCode: null, employerUnitCode: codes.employerUnitCode }
}

/** The audit detail naming a key's partner. */
function partnerDetail(row: KeyRow) {
  return row.facilityCode !== null
    ? { facilityCode: row.facilityCode }
    : { employerUnitCode: row.employerUnitCode }
}

export async function issuePartnerKey(
  deps: KeyDeps,
  actor: StaffActor,
  body: NewPartnerKeyBody,
): Promise<PartnerKeyIssued> {
  const db = deps.database.db
  const partner = await checkedPartner(db, body)
  return db.transaction(async (tx) => {
    // A prefix is 36^8 ≈ 2.8 × 10^12 values: a clash is rare enough that a second draw settles it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { key, prefix, keyHash } = generatePartnerKey()
      const [row] = await tx
        .insert(partnerApiKeys)
        .values({
          ...partner,
          label: body.label,
          prefix,
          keyHash,
          createdBy: actor.id,
          perMinute: body.perMinute ?? null,
          createdAt: deps.clock(),
        })
        .onConflictDoNothing({ target: partnerApiKeys.prefix })
        .returning()
      if (!row) continue
      await recordAudit(tx, {
        actor,
        action: 'partner_key.issue',
        recordType: 'partner_api_key',
        recordId: row.id,
        detail: { ...partnerDetail(row), prefix: row.prefix, perMinute: row.perMinute },
      })
      return { ...presentPartnerKey(row), key }
    }
    throw new Error('could not draw a free key prefix')
  })
}

export async function listPartnerKeys(
  deps: KeyDeps,
  actor: StaffActor,
  query: PartnerKeyQuery,
): Promise<{ items: PartnerKeyView[] }> {
  return deps.database.db.transaction(async (tx) => {
    const ofPartner =
      query.facilityCode !== undefined
        ? eq(partnerApiKeys.facilityCode, query.facilityCode)
        : eq(partnerApiKeys.employerUnitCode, query.employerUnitCode ?? '')
    const rows = await tx.select().from(partnerApiKeys).where(ofPartner).orderBy(asc(partnerApiKeys.id))
    await recordAudit(tx, {
      actor,
      action: 'partner_key.list',
      ...(query.facilityCode !== undefined
        ? { recordType: 'medical_facility', recordId: query.facilityCode }
        : { recordType: 'employer', recordId: query.employerUnitCode ?? '' }),
      detail: { count: rows.length },
    })
    return { items: rows.map(presentPartnerKey) }
  })
}

/** Revokes at once (the next request with it is refused); revoking a revoked key changes nothing. */
export async function revokePartnerKey(
  deps: KeyDeps,
  actor: StaffActor,
  id: number,
): Promise<PartnerKeyView> {
  return deps.database.db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(partnerApiKeys)
      .set({ revokedAt: deps.clock() })
      .where(and(eq(partnerApiKeys.id, id), isNull(partnerApiKeys.revokedAt)))
      .returning()
    const row = revoked ?? (await findKeyById(tx, id))
    if (!row) throw notFound('partner key')
    await recordAudit(tx, {
      actor,
      action: 'partner_key.revoke',
      recordType: 'partner_api_key',
      recordId: row.id,
      detail: { ...partnerDetail(row), prefix: row.prefix, alreadyRevoked: !revoked },
    })
    return presentPartnerKey(row)
  })
}

async function findKeyById(db: Executor, id: number): Promise<KeyRow | null> {
  const [row] = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.id, id))
  return row ?? null
}

// ---------------------------------------------------------------------------------------------
// Authentication of the integration API

const badKey = () =>
  new DomainError(
    ErrorCode.Unauthenticated,
    'missing, unknown or revoked partner key, or not for this route',
    {
      userMessage: {
        vi:
          'Thiếu khóa API hoặc khóa không hợp lệ/đã bị thu hồi. Gửi khóa do cơ quan BHXH cấp trong tiêu đề ' +
          '"Authorization: Bearer ansk_…" hoặc "x-api-key".',
        en:
          'The API key is missing, not valid or revoked. Send the key the BHXH agency issued in the ' +
          '"Authorization: Bearer ansk_…" or "x-api-key" header.',
      },
    },
  )

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

/** Which partners a route serves: one kind, or both (a partner's own imports). */
export type WantedPartner = PartnerKind | 'any'

/**
 * The live key row of a presented key, if it belongs to a partner of the wanted kind, or null; notes
 * its use at most once a minute. A key of the other kind is refused like an unknown one.
 */
export async function authenticatePartnerKey(
  deps: KeyDeps,
  key: string | null,
  wanted: WantedPartner,
): Promise<KeyRow | null> {
  const prefix = key === null ? null : partnerKeyPrefix(key)
  if (key === null || prefix === null) return null
  const db = deps.database.db
  const [row] = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.prefix, prefix))
  if (!row || !hashesEqual(row.keyHash, sha256Hex(key)) || row.revokedAt !== null) return null
  if (wanted !== 'any' && kindOf(row) !== wanted) return null
  const now = deps.clock()
  if (row.lastUsedAt === null || now.getTime() - row.lastUsedAt.getTime() >= touchEveryMs) {
    // The condition again in SQL: of many processes touching at once, one writes.
    const stale = new Date(now.getTime() - touchEveryMs)
    await db
      .update(partnerApiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(partnerApiKeys.id, row.id),
          or(isNull(partnerApiKeys.lastUsedAt), lt(partnerApiKeys.lastUsedAt, stale)),
        ),
      )
  }
  return row
}

// What the rate limiter needs of an authenticated request: kept beside the request, not on it.
const limits = new WeakMap<FastifyRequest, { prefix: string; perMinute: number | null }>()

/**
 * The preHandler of every integration route: a live key of the wanted kind of partner (401
 * UNAUTHENTICATED otherwise, the same answer as for an unknown key) → sets `request.facility` or
 * `request.employer`. Put `partnerKeyRateLimit` in the route's config so that the limit counts per
 * key after this has run.
 */
export function requirePartnerKey(app: FastifyInstance, wanted: WantedPartner): preHandlerAsyncHookHandler {
  return async (request, reply) => {
    const row = await authenticatePartnerKey(app.deps, keyOf(request), wanted)
    if (!row) {
      reply.header('www-authenticate', 'Bearer realm="ansinh-integration"')
      throw badKey()
    }
    if (row.facilityCode !== null) request.facility = { keyId: row.id, facilityCode: row.facilityCode }
    else if (row.employerUnitCode !== null)
      request.employer = { keyId: row.id, unitCode: row.employerUnitCode }
    limits.set(request, { prefix: row.prefix, perMinute: row.perMinute })
  }
}

/** A medical facility's key: the card check, the claim files. */
export function requireFacilityKey(app: FastifyInstance): preHandlerAsyncHookHandler {
  return requirePartnerKey(app, PartnerKind.Facility)
}

/** An employer's key: the declaration lists. */
export function requireEmployerKey(app: FastifyInstance): preHandlerAsyncHookHandler {
  return requirePartnerKey(app, PartnerKind.Employer)
}

/** The calling facility of a route behind `requireFacilityKey`. */
export function facilityOf(request: FastifyRequest): { keyId: number; facilityCode: string } {
  if (!request.facility) throw new Error('facilityOf: the route has no requireFacilityKey preHandler')
  return request.facility
}

/** The calling employer of a route behind `requireEmployerKey`. */
export function employerOf(request: FastifyRequest): { keyId: number; unitCode: string } {
  if (!request.employer) throw new Error('employerOf: the route has no requireEmployerKey preHandler')
  return request.employer
}

/** How the integration routes authenticate, for their OpenAPI descriptions. */
export function partnerKeySecurity(wanted: WantedPartner): string {
  const whose = {
    facility: 'the facility’s',
    employer: 'the employer’s',
    any: 'the facility’s or employer’s',
  }[wanted]
  return (
    `Authenticated with ${whose} API key: \`Authorization: Bearer ansk_…\` (or \`x-api-key: ansk_…\`); a ` +
    'missing, unknown or revoked key, or a key of another kind of partner, answers 401 UNAUTHENTICATED. ' +
    'Rate-limited per key (429 beyond it).'
  )
}

/**
 * `config: { rateLimit: partnerKeyRateLimit(config) }`: requests a minute per key (the row's
 * `perMinute`, else INTEGRATION_KEY_PER_MINUTE), whatever the address; counted in the preHandler
 * stage, after `requirePartnerKey` (a route's own preHandler runs first).
 */
export function partnerKeyRateLimit(config: Pick<Config, 'integrationKeyPerMinute'>) {
  return {
    hook: 'preHandler' as const,
    timeWindow: '1 minute',
    keyGenerator: (request: FastifyRequest) => {
      const limit = limits.get(request)
      return limit ? `partner-key:${limit.prefix}` : `partner-key-ip:${request.ip}`
    },
    max: (request: FastifyRequest) => limits.get(request)?.perMinute ?? config.integrationKeyPerMinute,
  }
}
