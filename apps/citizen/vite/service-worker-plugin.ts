import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/** The expression in the service worker source that receives the precache manifest. */
const placeholder = 'self.__ANSINH_PRECACHE__'

export type ServiceWorkerPluginOptions = {
  /** Service worker source, relative to the Vite root. */
  entry: string
  /** Output name at the root of `dist` (the root scope needs the worker at the root). */
  fileName?: string
}

/**
 * Builds the service worker as its own chunk and injects the list of every file of the build (bundle
 * and `public/`) with a content hash as the cache version. A hand-made alternative to
 * vite-plugin-pwa/workbox: about a hundred lines we can read instead of a large build-time tree.
 */
export function serviceWorkerPlugin({ entry, fileName = 'sw.js' }: ServiceWorkerPluginOptions): Plugin {
  let config: ResolvedConfig
  return {
    name: 'ansinh:service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: path.resolve(config.root, entry), fileName })
    },
    generateBundle(_options, bundle) {
      const worker = bundle[fileName]
      if (worker?.type !== 'chunk') {
        this.error(`service worker chunk ${fileName} is missing from the bundle`)
      }
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0) {
        // A classic service worker script cannot import; keep it free of shared modules.
        this.error(`${fileName} must not import other chunks (imports: ${worker.imports.join(', ')})`)
      }

      const files = new Map<string, string | Uint8Array>()
      for (const [name, output] of Object.entries(bundle)) {
        if (name === fileName || name.endsWith('.map') || name.startsWith('.vite/')) continue
        files.set(name, output.type === 'chunk' ? output.code : output.source)
      }
      if (config.publicDir) {
        for (const name of listFiles(config.publicDir)) {
          files.set(name, readFileSync(path.join(config.publicDir, name)))
        }
      }
      if (!files.has('index.html')) this.error('index.html is missing from the bundle')

      const names = [...files.keys()].sort()
      const hash = createHash('sha256')
      for (const name of names) {
        hash
          .update(name)
          .update('\0')
          .update(files.get(name) ?? '')
          .update('\0')
      }
      const manifest = {
        version: hash.digest('hex').slice(0, 16),
        urls: names.map((name) => `${config.base}${name}`),
        navigationFallback: `${config.base}index.html`,
      }

      const occurrences = worker.code.split(placeholder).length - 1
      if (occurrences !== 1) {
        this.error(`${fileName} must contain ${placeholder} exactly once, found ${occurrences}`)
      }
      worker.code = worker.code.replace(placeholder, JSON.stringify(manifest))
    },
  }
}

/** Files under `dir`, as POSIX paths relative to it, skipping dotfiles. */
function listFiles(dir: string, prefix = ''): string[] {
  let entries: import('node:fs').Dirent[]
  try {
    entries = readdirSync(path.join(dir, prefix), { withFileTypes: true })
  } catch {
    return []
  }
  return entries.flatMap((entry) => {
    if (entry.name.startsWith('.')) return []
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    return entry.isDirectory() ? listFiles(dir, relative) : [relative]
  })
}
