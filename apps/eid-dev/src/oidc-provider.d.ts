/**
 * The part of `oidc-provider` 9 this package uses (the library ships JavaScript without types).
 * See node_modules/oidc-provider/README.md and lib/helpers/defaults.js for the full configuration.
 */
declare module 'oidc-provider' {
  import type { JsonWebKey } from 'node:crypto'
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export type AccountClaims = { sub: string; [claim: string]: unknown }
  export type Account = { accountId: string; claims: (use: string, scope: string) => Promise<AccountClaims> }

  export type InteractionDetails = {
    uid: string
    prompt: { name: 'login' | 'consent' | string; details: Record<string, unknown>; reasons: string[] }
    params: Record<string, unknown> & { client_id: string; scope?: string }
    session?: { accountId?: string }
    grantId?: string
  }

  export type InteractionResults =
    | { login: { accountId: string; acr?: string } }
    | { consent: { grantId: string } }
    | { error: string; error_description?: string }

  export class Grant {
    constructor(properties: { accountId: string; clientId: string })
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: string[]): void
    save(): Promise<string>
    static find(id: string): Promise<Grant | undefined>
  }

  export type KoaContext = {
    type: string
    body: unknown
    oidc: {
      provider: Provider
      result?: { consent?: { grantId?: string } }
    }
  }

  export type Configuration = {
    clients: Array<Record<string, unknown>>
    claims: Record<string, string[] | null>
    acrValues?: string[]
    pkce?: { required: () => boolean }
    features?: Record<string, { enabled: boolean }>
    interactions?: { url: (ctx: unknown, interaction: { uid: string }) => string }
    findAccount: (ctx: unknown, sub: string) => Promise<Account | undefined>
    loadExistingGrant?: (ctx: KoaContext) => Promise<Grant | undefined>
    renderError?: (ctx: KoaContext, out: Record<string, string>, error: Error) => Promise<void>
    cookies?: { keys: string[] }
    jwks?: { keys: JsonWebKey[] }
    ttl?: Record<string, number>
  }

  export class Provider {
    constructor(issuer: string, configuration: Configuration)
    readonly Grant: typeof Grant
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }
}
