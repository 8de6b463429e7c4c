/**
 * "Chia sẻ": the system's share sheet where there is one (phones), else the link copied to the
 * clipboard. Takes the navigator as an argument so that it can be tested without a browser.
 */
export type ShareOutcome = 'shared' | 'cancelled' | 'copied' | 'failed'

type Sharer = Pick<Navigator, 'share' | 'clipboard'>

export function canShareNatively(nav: Partial<Sharer> | undefined): boolean {
  return typeof nav?.share === 'function'
}

export async function shareLink(
  nav: Partial<Sharer> | undefined,
  link: { title: string; url: string },
): Promise<ShareOutcome> {
  if (nav && canShareNatively(nav)) {
    try {
      await nav.share?.({ title: link.title, url: link.url })
      return 'shared'
    } catch (error) {
      // Closing the share sheet is no failure; anything else falls through to the copy.
      if (error instanceof Error && error.name === 'AbortError') return 'cancelled'
    }
  }
  try {
    if (!nav?.clipboard) return 'failed'
    await nav.clipboard.writeText(link.url)
    return 'copied'
  } catch {
    return 'failed'
  }
}
