import { createRequire } from 'node:module'
import type { AxeResults, ImpactValue } from 'axe-core'
import type { Page } from 'playwright-core'

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

declare global {
  interface Window {
    axe: { run: (context: Document, options: object) => Promise<AxeResults> }
  }
}

export type Violation = {
  id: string
  impact: ImpactValue | null
  help: string
  helpUrl: string
  targets: string[]
}

/** WCAG 2.2 A and AA, the level the apps promise. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Runs axe-core in the page and returns its violations. The script is injected as a `<script>` tag,
 * which the server's Content-Security-Policy forbids: open the page in a context created with
 * `bypassCSP: true`.
 */
export async function runAxe(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ path: axeSource })
  return page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  }, wcagTags)
}

export function seriousViolations(violations: Violation[]): Violation[] {
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}

/** One line per violation, for an assertion message that says what to fix and where. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl}) at ${v.targets.slice(0, 5).join(' | ')}`)
    .join('\n')
}
