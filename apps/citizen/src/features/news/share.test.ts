import { describe, expect, it } from 'vitest'
import { canShareNatively, shareLink } from './share'

const link = { title: 'Tăng lương hưu', url: 'https://example.test/news/tang-luong-huu' }

function clipboard(fails = false) {
  const written: string[] = []
  return {
    written,
    clipboard: {
      writeText: async (text: string) => {
        if (fails) throw new Error('denied')
        written.push(text)
      },
    } as unknown as Clipboard,
  }
}

const abort = () => Object.assign(new Error('closed'), { name: 'AbortError' })

describe('shareLink', () => {
  it('fails without a share sheet or a clipboard', async () => {
    expect(await shareLink(undefined, link)).toBe('failed')
    expect(await shareLink({}, link)).toBe('failed')
    expect(await shareLink({ clipboard: clipboard(true).clipboard }, link)).toBe('failed')
  })

  it('uses the share sheet when there is one', async () => {
    const shared: ShareData[] = []
    const nav = {
      share: async (data?: ShareData) => {
        if (data) shared.push(data)
      },
    }
    expect(canShareNatively(nav)).toBe(true)
    expect(await shareLink(nav, link)).toBe('shared')
    expect(shared).toEqual([link])
  })

  it('does nothing more when the share sheet is closed', async () => {
    const { written, clipboard: board } = clipboard()
    const nav = { share: () => Promise.reject(abort()), clipboard: board }
    expect(await shareLink(nav, link)).toBe('cancelled')
    expect(written).toEqual([])
  })

  it('copies the link without a share sheet, or when sharing fails', async () => {
    const first = clipboard()
    expect(canShareNatively({ clipboard: first.clipboard })).toBe(false)
    expect(await shareLink({ clipboard: first.clipboard }, link)).toBe('copied')
    expect(first.written).toEqual([link.url])

    const second = clipboard()
    const nav = { share: () => Promise.reject(new Error('not allowed')), clipboard: second.clipboard }
    expect(await shareLink(nav, link)).toBe('copied')
    expect(second.written).toEqual([link.url])
  })
})
