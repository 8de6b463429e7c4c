import { generateKeyPairSync, type JsonWebKey, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type InteractionDetails, type KoaContext, Provider } from 'oidc-provider'
import { type DemoIdentity, demoIdentities, demoPassword, subjectOf } from './identities'
import { consentPage, errorPage, loginPage } from './pages'

export { type DemoIdentity, demoIdentities, demoPassword, subjectOf } from './identities'

/**
 * A local OpenID Connect provider standing in for the national e-ID (VNeID) in development and tests:
 * authorisation code with PKCE only, one confidential client (client_secret_basic, or private_key_jwt
 * when given its public keys), its own login and
 * consent pages, and the claims a real provider sends: the personal ID (`personal_id`), `name`,
 * `birthdate`, `phone_number`, and the assurance level as `acr` ("level1" / "level2").
 * Never in production: the server refuses EID_DEV_PROVIDER there, and this refuses NODE_ENV=production.
 */

export type DevProviderOptions = {
  /** 0: any free port (tests). */
  port: number
  /** The loopback unless told otherwise. */
  host?: string
  /**
   * The one client: authenticated by its secret (client_secret_basic), or, when its public keys are
   * given, by a JWT signed with its private key (private_key_jwt).
   */
  client: {
    clientId: string
    clientSecret?: string
    publicKeys?: JsonWebKey[]
    redirectUris: string[]
    name?: string
  }
  identities?: readonly DemoIdentity[]
  password?: string
}

export type RunningDevProvider = {
  /** `http://127.0.0.1:<port>`: the issuer, where discovery is read. */
  issuer: string
  close: () => Promise<void>
}

/** How long the login and consent pages wait for the person. */
const interactionSeconds = 10 * 60

export async function startDevProvider(options: DevProviderOptions): Promise<RunningDevProvider> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('the local e-ID provider never runs in production')
  const host = options.host ?? '127.0.0.1'
  let handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> = async (_req, res) => {
    res.statusCode = 503
    res.end()
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => answerError(res, error))
  })
  server.listen(options.port, host)
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  const issuer = `http://${host}:${port}`
  handle = interactionsThenProvider(createProvider(issuer, options), options)
  return { issuer, close: () => closeServer(server) }
}

function createProvider(issuer: string, options: DevProviderOptions): Provider {
  // Looked up on each use: a test may add identities to its list after the start.
  const identities = options.identities ?? demoIdentities
  const bySubject = (sub: string) => identities.find((identity) => subjectOf(identity.personalId) === sub)
  // A signing key made at each start: tokens of an earlier run are worthless, nothing is kept.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' })
  return new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_name: clientNameOf(options),
        redirect_uris: options.client.redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // The ID token carries `acr` only when asked for: asked for on the client's behalf.
        default_acr_values: ['level2', 'level1'],
        ...clientAuthentication(options.client),
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    claims: {
      openid: ['sub'],
      profile: ['name', 'birthdate'],
      phone: ['phone_number'],
      personal_id: ['personal_id'],
      acr: null,
    },
    acrValues: ['level1', 'level2'],
    findAccount: async (_ctx, sub) => {
      const identity = bySubject(sub)
      if (!identity) return undefined
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          name: identity.fullName,
          birthdate: identity.birthdate,
          phone_number: identity.phone,
          personal_id: identity.personalId,
        }),
      }
    },
    // Consent is asked every time (only the grant of this very consent counts), so the page is seen.
    loadExistingGrant: async (ctx) => {
      const grantId = ctx.oidc.result?.consent?.grantId
      return grantId ? ctx.oidc.provider.Grant.find(grantId) : undefined
    },
    renderError: async (ctx: KoaContext, out) => {
      ctx.type = 'html'
      ctx.body = errorPage(out.error_description ?? out.error ?? 'Yêu cầu không hợp lệ.')
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...signingKey, use: 'sig', kid: 'eid-dev' } as JsonWebKey] },
    // Short lives: a sign-in is one trip; nothing outlives the An Sinh session it opens.
    ttl: {
      Interaction: interactionSeconds,
      Session: 60 * 60,
      Grant: 60 * 60,
      AuthorizationCode: 60,
      AccessToken: 5 * 60,
      IdToken: 5 * 60,
    },
  })
}

function clientAuthentication(client: DevProviderOptions['client']) {
  if (client.publicKeys)
    return { token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: client.publicKeys } }
  if (!client.clientSecret) throw new Error('the client needs a secret or public keys')
  return { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.clientSecret }
}

/** The login and consent pages at `/interaction/{uid}…`; everything else is the provider's. */
function interactionsThenProvider(provider: Provider, options: DevProviderOptions) {
  const identities = options.identities ?? demoIdentities
  const password = options.password ?? demoPassword
  const providerCallback = provider.callback()
  return async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/confirm)?$/.exec(
      new URL(req.url ?? '/', 'http://x').pathname,
    )
    if (!match) return providerCallback(req, res)
    const [, uid, step] = match
    const details = await provider.interactionDetails(req, res)
    if (details.uid !== uid) return answerHtml(res, 400, errorPage('Phiên đăng nhập không hợp lệ.'))
    if (req.method === 'GET')
      return showStep(res, details, { identities, password, clientName: clientNameOf(options) })
    if (req.method !== 'POST') return answerHtml(res, 405, errorPage('Phương thức không được hỗ trợ.'))
    const form = await readForm(req)
    if (step === '/login') return submitLogin(provider, req, res, { form, identities, password })
    if (step === '/confirm') return submitConsent(provider, req, res, details, form)
    return answerHtml(res, 404, errorPage('Không tìm thấy trang.'))
  }
}

function clientNameOf(options: DevProviderOptions) {
  return options.client.name ?? 'BHXH số — An Sinh'
}

function showStep(
  res: ServerResponse,
  details: InteractionDetails,
  page: { identities: readonly DemoIdentity[]; password: string; clientName: string },
) {
  const base = `/interaction/${details.uid}`
  if (details.prompt.name === 'login')
    return answerHtml(res, 200, loginPage({ action: `${base}/login`, ...page }))
  const identity = page.identities.find((one) => subjectOf(one.personalId) === details.session?.accountId)
  const scopes = String(details.params.scope ?? 'openid').split(' ')
  return answerHtml(
    res,
    200,
    consentPage({
      action: `${base}/confirm`,
      clientName: page.clientName,
      fullName: identity?.fullName ?? '',
      scopes,
    }),
  )
}

async function submitLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  input: { form: URLSearchParams; identities: readonly DemoIdentity[]; password: string },
) {
  const personalId = (input.form.get('personalId') ?? '').replace(/\s/g, '')
  const chosenLevel = input.form.get('level') ?? ''
  const again = (error: string) =>
    answerHtml(
      res,
      200,
      loginPage({
        action: req.url ?? '',
        identities: input.identities,
        password: input.password,
        error,
        personalId,
        level: chosenLevel,
      }),
    )
  const identity = input.identities.find((one) => one.personalId === personalId)
  if (!identity || input.form.get('password') !== input.password)
    return again('Số định danh cá nhân hoặc mật khẩu không đúng.')
  const level = loginLevel(chosenLevel, identity.level)
  if (level === null)
    return again(`Mức định danh khi thử không được cao hơn mức của tài khoản (mức ${identity.level}).`)
  // The login's acr is kept with the provider's session and becomes the ID token's `acr`.
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: subjectOf(identity.personalId), acr: `level${level}` } },
    { mergeWithLastSubmission: false },
  )
}

/**
 * The level this login asserts: the identity's own unless the tester chose a lower one on the login
 * page (a development aid); null for a level above the identity's or one that does not exist.
 */
function loginLevel(chosen: string, own: DemoIdentity['level']): DemoIdentity['level'] | null {
  if (chosen === '') return own
  const level = chosen === '1' ? 1 : chosen === '2' ? 2 : null
  return level !== null && level <= own ? level : null
}

async function submitConsent(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  details: InteractionDetails,
  form: URLSearchParams,
) {
  if (form.get('decision') !== 'allow') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: 'Người dùng từ chối chia sẻ thông tin' },
      { mergeWithLastSubmission: false },
    )
    return
  }
  const accountId = details.session?.accountId
  if (!accountId) return answerHtml(res, 400, errorPage('Chưa đăng nhập.'))
  const grant = new provider.Grant({ accountId, clientId: details.params.client_id })
  const missingScope = details.prompt.details.missingOIDCScope
  const missingClaims = details.prompt.details.missingOIDCClaims
  if (Array.isArray(missingScope)) grant.addOIDCScope(missingScope.join(' '))
  if (Array.isArray(missingClaims)) grant.addOIDCClaims(missingClaims as string[])
  const grantId = await grant.save()
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > 16_384) throw new Error('form too large')
    chunks.push(chunk)
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}

function answerHtml(res: ServerResponse, status: number, html: string) {
  res.statusCode = status
  res.setHeader('content-type', 'text/html; charset=utf-8')
  res.setHeader('cache-control', 'no-store')
  res.end(html)
}

function answerError(res: ServerResponse, error: unknown) {
  // An expired or unknown interaction (its cookie gone) is the usual cause: say so, start again.
  const message =
    error instanceof Error && /interaction/i.test(error.message)
      ? 'Phiên đăng nhập đã hết hạn.'
      : 'Lỗi máy chủ.'
  if (!res.headersSent) answerHtml(res, 400, errorPage(`${message} Vui lòng quay lại ứng dụng và thử lại.`))
  else res.end()
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
}
