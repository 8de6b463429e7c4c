/**
 * Time of the public look-ups' proof of work (tra cứu trực tuyến) in Chromium, in the dedicated worker
 * the citizen app starts for each solve (apps/citizen/src/features/lookup/pow-worker.ts, as built in
 * apps/citizen/dist). It starts the real server (embedded database, a few demo people), opens the app
 * in Debian's Chromium with the server's own CSP (not bypassed) and, on that page, for each run: starts
 * the built worker, posts a fresh challenge shaped like the server's (`id.bits.expires.mac`), and
 * waits for the nonce, as the app does. Usage (from the repository root, after `npm run build:web`):
 *
 *   npm run bench:proof-of-work -- --runs 20 --bits 16
 *
 * Prints, per solve: the wait (worker start + hashing, what the page waits for), the hashes tried, the
 * hash rate, and the cost of starting a worker alone (a 0-bit challenge: the first nonce does); then
 * the hash rate of the same solver in this Node process, as a yardstick of the machine's load.
 * The number of hashes a solve needs is geometric (2^bits on average), so a solve's time varies a lot
 * between challenges; the hash rate is the steady figure.
 */
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { solveLookupChallenge } from '@ansinh/domain'
import { chromium } from 'playwright-core'
import { startServer } from '../e2e/support/server'
import { percentile } from './support'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const chromiumPath = '/usr/bin/chromium'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    bits: { type: 'string', default: '16' },
    warmup: { type: 'string', default: '2' },
    'start-runs': { type: 'string', default: '20' },
  },
})
const runs = Number(values.runs)
const bits = Number(values.bits)
const warmup = Number(values.warmup)
const startRuns = Number(values['start-runs'])
for (const [name, value] of Object.entries({ runs, bits, warmup, 'start-runs': startRuns })) {
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} must be a non-negative integer`)
    process.exit(2)
  }
}
if (bits > 24) {
  console.error('--bits: the server asks for 24 at most')
  process.exit(2)
}

const assets = path.join(repoRoot, 'apps/citizen/dist/assets')
const workerFile = (() => {
  try {
    return readdirSync(assets).find((name) => /^pow-worker-[\w-]+\.js$/.test(name))
  } catch {
    return undefined
  }
})()
if (!workerFile) {
  console.error('apps/citizen/dist has no pow-worker-*.js: run `npm run build:web` first')
  process.exit(2)
}

type Solve = { waitMs: number; hashes: number }

/** Only what the page function uses of the browser's globals (the bench compiles without the DOM lib). */
type PageGlobals = {
  Worker: new (
    url: string,
    options: { type: 'module' },
  ) => {
    onmessage: ((event: { data: { ok: boolean; proof?: { nonce: string } } }) => void) | null
    onerror: ((event: unknown) => void) | null
    postMessage(message: { challenge: string; difficulty: number }): void
    terminate(): void
  }
  performance: { now(): number }
  crypto: { getRandomValues(array: Uint8Array): Uint8Array }
}

/** Runs in the page: one worker per solve, as the app does; the worker is ended once it answers. */
async function solveInPage({ url, difficulty, count }: { url: string; difficulty: number; count: number }) {
  const page = globalThis as unknown as PageGlobals
  const base64url = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')
  const solves: Solve[] = []
  for (let run = 0; run < count; run++) {
    const id = base64url(page.crypto.getRandomValues(new Uint8Array(12)))
    const mac = base64url(page.crypto.getRandomValues(new Uint8Array(32)))
    const challenge = `${id}.${difficulty}.${Date.now() + 300_000}.${mac}`
    const started = page.performance.now()
    const nonce = await new Promise<string>((resolve, reject) => {
      const worker = new page.Worker(url, { type: 'module' })
      worker.onmessage = (event) => {
        worker.terminate()
        if (event.data.ok && event.data.proof) resolve(event.data.proof.nonce)
        else reject(new Error('the worker found no proof'))
      }
      worker.onerror = () => {
        worker.terminate()
        reject(new Error('the worker failed to start (CSP, missing file?)'))
      }
      worker.postMessage({ challenge, difficulty })
    })
    solves.push({ waitMs: page.performance.now() - started, hashes: Number(nonce) + 1 })
  }
  return solves
}

async function solveInNode(difficulty: number, count: number): Promise<Solve[]> {
  const solves: Solve[] = []
  for (let run = 0; run < count; run++) {
    const challenge = `${crypto.randomUUID().slice(0, 16)}.${difficulty}.${Date.now() + 300_000}.${'m'.repeat(43)}`
    const started = performance.now()
    const proof = await solveLookupChallenge({ challenge, difficulty }, { slice: Number.POSITIVE_INFINITY })
    solves.push({ waitMs: performance.now() - started, hashes: Number(proof.nonce) + 1 })
  }
  return solves
}

const ms = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1))

function summary(label: string, values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)
  console.log(
    `${label.padEnd(34)} n=${sorted.length}  median ${ms(percentile(sorted, 0.5))}  p90 ${ms(percentile(sorted, 0.9))}  ` +
      `min ${ms(sorted[0])}  max ${ms(sorted.at(-1))}  mean ${ms(mean)}`,
  )
}

// The journeys' server: the real `cli.ts start` on a free port with a throw-away data directory.
const server = await startServer({ env: { DEMO_PEOPLE: '10' } })
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
})
try {
  // The server's CSP applies (no bypass), the service worker is left out: the figures are the worker's.
  const context = await browser.newContext({ serviceWorkers: 'block' })
  const page = await context.newPage()
  const pageErrors: string[] = []
  page.on('console', (message) => {
    // The home page's session check answers 401 to a visitor; anything else (a CSP refusal) is printed.
    if (message.type() === 'error' && !message.text().includes('401')) pageErrors.push(message.text())
  })
  const response = await page.goto(`${server.baseUrl}/`)
  const csp = response?.headers()['content-security-policy'] ?? '(none)'
  const url = `/assets/${workerFile}`
  // tsx (esbuild, keepNames) wraps named functions in `__name(...)`: give the page that helper too.
  await page.evaluate('globalThis.__name = (target) => target')
  console.log(
    `chromium ${browser.version()}, worker ${url}, CSP worker-src: ${/worker-src [^;]+/.exec(csp)?.[0] ?? '(none)'}`,
  )

  await page.evaluate(solveInPage, { url, difficulty: bits, count: warmup })
  const starts = await page.evaluate(solveInPage, { url, difficulty: 0, count: startRuns })
  const solves = await page.evaluate(solveInPage, { url, difficulty: bits, count: runs })

  console.log(`\n${runs} solves at ${bits} bits (after ${warmup} warm-up), ms:`)
  summary(
    'wait per solve (start + hashing)',
    solves.map((solve) => solve.waitMs),
  )
  summary(
    'hashes per solve (count)',
    solves.map((solve) => solve.hashes),
  )
  const rates = solves.map((solve) => solve.hashes / (solve.waitMs / 1000) / 1000)
  summary('hash rate (thousand/s)', rates)
  const totalHashes = solves.reduce((sum, solve) => sum + solve.hashes, 0)
  const totalMs = solves.reduce((sum, solve) => sum + solve.waitMs, 0)
  console.log(`overall: ${totalHashes} hashes in ${ms(totalMs)} ms = ${ms(totalHashes / totalMs)} thousand/s`)
  console.log(`\nstarting a worker (0 bits: load, parse, one hash, answer), ms:`)
  summary(
    'worker start + answer',
    starts.map((solve) => solve.waitMs),
  )

  // The same solver in this Node process right after, so that the figures carry the machine's load.
  const reference = await solveInNode(bits, runs)
  const referenceHashes = reference.reduce((sum, solve) => sum + solve.hashes, 0)
  const referenceMs = reference.reduce((sum, solve) => sum + solve.waitMs, 0)
  console.log(
    `\nreference, the same solver in Node ${process.version} (no worker, no slices): ${referenceHashes} hashes in ` +
      `${ms(referenceMs)} ms = ${ms(referenceHashes / referenceMs)} thousand/s`,
  )
  if (pageErrors.length > 0) console.log(`\npage errors:\n${pageErrors.join('\n')}`)
} finally {
  await browser.close()
  await server.stop()
}
