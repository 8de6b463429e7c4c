import { foldVietnamese } from '@ansinh/domain'
import { eq } from 'drizzle-orm'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { staffAccounts } from '../src/db/schema'
import { createStaffAccount } from '../src/modules/identity/accounts'
import { csrfHeaderName } from '../src/modules/identity/session-tokens'
import type { StaffRole } from '../src/modules/identity/staff-actor'
import type { StaffProfile } from '../src/modules/identity/staff-sessions'
import { staffCookieName } from '../src/modules/identity/staff-tokens'
import { sealTotp, totpCode } from '../src/modules/identity/staff-totp'
import { ensureDemoOrganisation } from '../src/modules/organisations/demo-organisations'
import { insertOrganisation } from '../src/modules/organisations/repo'
import { demoAccounts } from '../src/modules/registry/demo-population/well-known'

/** The password of every account these helpers create (the demo staff's). */
export const testStaffPassword = 'Staff@AnSinh2026'
/** The TOTP secret of accounts these helpers create that are not demo staff. */
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

export type StaffAccountSpec = {
  role: StaffRole
  officeCode: string
  fullName?: string
  password?: string
  /** For an organisation administrator; without it one is made under `officeCode` for the account. */
  organisationId?: number
}

export type StaffSignIn = {
  /** `ansinh_staff=…`, for a `cookie` header. */
  cookie: string
  csrfToken: string
  /** Spread into `app.inject({ headers })`: the cookie and the CSRF header. */
  headers: { cookie: string; 'x-ansinh-csrf': string }
  staff: StaffProfile
}

/**
 * Makes sure `username` exists with a known password and an enrolled TOTP secret: a demo staff member
 * (q5.reviewer, dongda.reviewer, hcm.admin, vss.admin) from the demo's definition, anyone else from
 * `spec`. The last accepted time step is forgotten, so the same account can sign in any number of
 * times within one 30-second step. Returns the account id and its secret.
 */
export async function ensureStaffAccount(
  app: FastifyInstance,
  username: string,
  spec?: StaffAccountSpec,
): Promise<{ id: number; totpSecret: string }> {
  const { db } = app.deps.database
  const demo = demoAccounts.staff.find((account) => account.username === username)
  const totpSecret = demo?.totpSecret ?? testTotpSecret
  const [existing] = await db
    .select({ id: staffAccounts.id })
    .from(staffAccounts)
    .where(eq(staffAccounts.username, username))
  const id = existing?.id ?? (await createFor(app, username, demo ?? spec)).id
  await db
    .update(staffAccounts)
    .set({
      totpSecret: sealTotp(app.deps.secrets.fileEncryptionKey, id, { secret: totpSecret, lastStep: null }),
      totpEnabledAt: new Date(0),
    })
    .where(eq(staffAccounts.id, id))
  return { id, totpSecret }
}

async function createFor(
  app: FastifyInstance,
  username: string,
  spec: (StaffAccountSpec & { organisationCode?: string }) | undefined,
) {
  if (!spec)
    throw new Error(`ensureStaffAccount: ${username} is not a demo account; pass its role and office`)
  const demoOrganisation = 'organisationCode' in spec ? spec.organisationCode : undefined
  const organisationId =
    spec.role !== 'organisation_admin'
      ? null
      : (spec.organisationId ??
        (demoOrganisation
          ? await ensureDemoOrganisation(app.deps.database.db, demoOrganisation)
          : await testOrganisation(app, username, spec.officeCode)))
  return createStaffAccount(app.deps.database.db, {
    username,
    fullName: spec.fullName ?? 'Cán Bộ Thử Nghiệm',
    officeCode: spec.officeCode,
    role: spec.role,
    organisationId,
    password: spec.password ?? testStaffPassword,
  })
}

/** An organisation administrator must manage an organisation: one of its own, named after it. */
async function testOrganisation(app: FastifyInstance, username: string, officeCode: string): Promise<number> {
  const name = `Tổ chức thử nghiệm ${username}`
  return insertOrganisation(app.deps.database.db, {
    code: `TEST-${username.toUpperCase().replace(/[^A-Z0-9]+/g, '-')}`.slice(0, 30),
    name,
    foldedName: foldVietnamese(name),
    kind: 'agency',
    parentId: null,
    officeCode,
  })
}

/**
 * Signs a staff member in through the API (password, then a TOTP code at the app's clock) and returns
 * what the following requests need. The account is created first when missing (see ensureStaffAccount).
 */
export async function signInStaff(
  app: FastifyInstance,
  username: string,
  spec?: StaffAccountSpec,
): Promise<StaffSignIn> {
  const { totpSecret } = await ensureStaffAccount(app, username, spec)
  const password = spec?.password ?? testStaffPassword
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/auth/login',
    payload: { username, password },
  })
  if (login.statusCode !== 200) throw new Error(`staff login failed: ${login.statusCode} ${login.body}`)
  const pending = { cookie: sessionCookieOf(login), 'x-ansinh-csrf': login.json().csrfToken as string }
  const totp = await app.inject({
    method: 'POST',
    url: '/api/v1/staff/auth/totp',
    headers: pending,
    payload: { code: totpCode(totpSecret, app.deps.clock()) },
  })
  if (totp.statusCode !== 200) throw new Error(`staff TOTP step failed: ${totp.statusCode} ${totp.body}`)
  const { csrfToken, ...staff } = totp.json() as StaffProfile & { csrfToken: string }
  const cookie = sessionCookieOf(totp)
  return { cookie, csrfToken, headers: { cookie, [csrfHeaderName]: csrfToken }, staff }
}

/** `ansinh_staff=<token>` from an answer that set the staff session cookie. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const set = response.cookies.find((cookie) => cookie.name === staffCookieName)
  if (!set) throw new Error('the answer set no staff session cookie')
  return `${staffCookieName}=${set.value}`
}
