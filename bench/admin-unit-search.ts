/**
 * Response time of the administrative-unit search behind the address type-ahead ("Tìm xã/phường theo
 * tên mới hoặc tên cũ", issue 11), as the browser sees it: a running server is asked, one request at a
 * time over HTTP, for the prefixes people type of twenty old and new names ("ng", "ngoc", "ngoc h" …)
 * in both code sets, a warm-up pass first; prints p50/p95/p99/max. Usage (from the repository root,
 * with `npm start` running; raise the per-address limits for the run):
 *
 *   RATE_LIMIT_PER_MINUTE=100000 npm start        # in another terminal
 *   npm run bench:admin-unit-search -- --url http://127.0.0.1:3000 --passes 2
 *
 * Reads reference data only; prints timings, never personal data.
 */
import { parseArgs } from 'node:util'
import { percentile } from './support'

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    passes: { type: 'string', default: '2' },
  },
})
const passes = Number(values.passes)
if (!Number.isInteger(passes) || passes < 1) {
  console.error('--passes must be a positive integer')
  process.exit(2)
}
const endpoint = new URL('/api/v1/directory/admin-units', values.url)

// Old and new names, Hà Nội to Cần Thơ, typed without accents as most people do.
const names = [
  'ngoc ha',
  'cong vi',
  'giang vo',
  'ba dinh',
  'ben thanh',
  'phuong 12',
  'tan dinh',
  'xa ba che',
  'hoan kiem',
  'cau giay',
  'thu duc',
  'an phu',
  'long bien',
  'hai chau',
  'ninh kieu',
  'vinh yen',
  'quan son',
  'phu my',
  'tan phu',
  'binh thanh',
]
const prefixes = names.flatMap((name) =>
  Array.from({ length: Math.floor(name.length / 2) }, (_, index) => name.slice(0, 2 * (index + 1)).trim()),
)
const codeSets = ['2025-07-01', '2004-2025'] as const

async function timeOne(q: string, codeSet: string): Promise<number> {
  const url = new URL(endpoint)
  url.search = new URLSearchParams({ q, codeSet }).toString()
  const started = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`"${q}" (${codeSet}) answered ${response.status}`)
  return performance.now() - started
}

const timings: number[] = []
for (let pass = 0; pass <= passes; pass += 1)
  for (const codeSet of codeSets)
    for (const q of prefixes) {
      const elapsed = await timeOne(q, codeSet)
      if (pass > 0) timings.push(elapsed) // pass 0 warms the caches
    }
timings.sort((a, b) => a - b)
const ms = (share: number) => `${(percentile(timings, share) ?? 0).toFixed(1)} ms`
console.log(
  `${timings.length} searches (${prefixes.length} prefixes × ${codeSets.length} code sets × ${passes} passes ` +
    `after a warm-up): p50 ${ms(0.5)}, p95 ${ms(0.95)}, p99 ${ms(0.99)}, max ${ms(1)}`,
)
