#!/usr/bin/env node
// Builds the two web apps (citizen at `/`, staff at `/staff/`) into apps/<app>/dist with Vite.
//   node scripts/build-web.mjs             build both
//   node scripts/build-web.mjs --if-stale  skip an app whose dist/index.html is newer than its inputs
// Prints one line per app. Plain Node, no dependencies beyond the Vite already installed.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const ifStale = process.argv.includes('--if-stale')

const apps = ['citizen', 'staff']
// Inputs outside the app that end up in its bundle.
const sharedInputs = ['packages/ui/src', 'packages/domain/src']
const appInputs = ['src', 'index.html', 'public', 'vite.config.ts', 'vite']

/** Newest modification time (ms) of a file or of any file below a folder; 0 when absent. */
function newestMtime(target) {
  let stats
  try {
    stats = statSync(target)
  } catch {
    return 0
  }
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)))
  }
  return newest
}

function builtAt(appDir) {
  try {
    return statSync(path.join(appDir, 'dist', 'index.html')).mtimeMs
  } catch {
    return -1
  }
}

function isUpToDate(appDir) {
  const inputs = [
    ...appInputs.map((input) => path.join(appDir, input)),
    ...sharedInputs.map((input) => path.join(repoRoot, input)),
  ]
  const newestInput = Math.max(...inputs.map(newestMtime))
  return builtAt(appDir) > newestInput
}

/**
 * Each app builds with the Vite its own package.json names. npm may install it inside the app
 * (apps/<app>/node_modules) rather than at the root, so resolve it from the app's directory.
 */
async function viteOf(appDir) {
  const entry = createRequire(path.join(appDir, 'package.json')).resolve('vite/package.json')
  const manifest = JSON.parse(readFileSync(entry, 'utf8'))
  const exported = manifest.exports['.']
  const file =
    typeof exported === 'string'
      ? exported
      : (exported.import?.default ?? exported.import ?? exported.default)
  return import(pathToFileURL(path.join(path.dirname(entry), file)).href)
}

let failed = false
for (const app of apps) {
  const appDir = path.join(repoRoot, 'apps', app)
  const relativeDist = path.relative(repoRoot, path.join(appDir, 'dist'))
  if (ifStale && isUpToDate(appDir)) {
    console.log(`web ${app}: up to date (${relativeDist})`)
    continue
  }
  const started = performance.now()
  try {
    const { build } = await viteOf(appDir)
    await build({ root: appDir, configFile: path.join(appDir, 'vite.config.ts'), logLevel: 'warn' })
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`web ${app}: built in ${seconds} s (${relativeDist})`)
  } catch (error) {
    failed = true
    console.error(`web ${app}: build failed`)
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  }
}
if (failed) process.exitCode = 1
