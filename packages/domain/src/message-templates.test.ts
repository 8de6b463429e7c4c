import { describe, expect, it } from 'vitest'
import {
  type MessageChannel,
  MessageTemplateError,
  maskBhxhCode,
  maskLongNumbers,
  messageKinds,
  messageTemplateExamples,
  messageTemplateInfo,
  messageVariableSchemas,
  previewMessages,
  renderMessage,
} from './message-templates'
import { foldVietnamese } from './text'

const languages = ['vi', 'en'] as const

// A demo person (README): nothing of hers but the last 4 digits of her BHXH code may reach a message.
const person = {
  fullName: 'Nguyễn Thị Thu Hằng',
  personalId: '079176000417',
  bhxhCode: '7900012345',
  phone: '0912345678',
}

function expectNoPersonalData(text: string) {
  expect(text).not.toContain(person.personalId)
  expect(text).not.toContain(person.bhxhCode)
  expect(text).not.toContain(person.phone)
  expect(foldVietnamese(text)).not.toContain(foldVietnamese(person.fullName))
  expect(foldVietnamese(text)).not.toContain(foldVietnamese('Thu Hằng'))
}

const smsCases = messageKinds.flatMap((kind) => languages.map((language) => [kind, language] as const))
const allCases = messageKinds.flatMap((kind) =>
  messageTemplateInfo(kind).channels.flatMap((channel) =>
    languages.map((language) => [kind, channel, language] as const),
  ),
)

describe('renderMessage: wrong calls', () => {
  it('refuses an unknown kind', () => {
    // @ts-expect-error: not a kind
    expect(() => renderMessage('hello', 'sms', 'vi', {})).toThrow(MessageTemplateError)
  })

  it.each([
    ['otp', 'inbox'],
    ['account_created', 'inbox'],
  ] as const)('refuses %s on channel %s', (kind, channel) => {
    expect(() => renderMessage(kind, channel, 'vi', messageTemplateExamples(kind).sample)).toThrow(
      /not sent by/,
    )
  })

  it.each([
    ['otp', { code: '12ab56', purpose: 'registration' }, ['code']],
    ['otp', { code: '123456', purpose: 'login' }, ['purpose']],
    ['otp', { code: '123456', purpose: 'registration', validMinutes: 90 }, ['validMinutes']],
    ['dossier_received', { dossierNumber: 'x', officeName: 'BHXH Quận 5' }, ['dossierNumber']],
    [
      'dossier_received',
      { dossierNumber: 'HS-0001', officeName: 'BHXH Quận 5', paperDeadline: '31/12/2026' },
      ['paperDeadline'],
    ],
    ['account_created', { bhxhCode: '790001234', temporaryPassword: 'Kx7#mP2q' }, ['bhxhCode']],
    // A character GSM-7 cannot carry would arrive changed: refused.
    ['account_created', { bhxhCode: '7900012345', temporaryPassword: 'Kx7#mP2q`' }, ['temporaryPassword']],
    ['dossier_rejected', { dossierNumber: 'HS-0001', reason: '' }, ['reason']],
    ['password_changed', { changedAt: 'yesterday' }, ['changedAt']],
    // No links in a device name sent under the agency's name.
    [
      'device_changed',
      { changedAt: '2026-11-20T07:05:00Z', deviceName: 'http://x.example/login' },
      ['deviceName'],
    ],
    ['paper_dossier_reminder', { dossierNumber: 'HS-0001', officeName: 'BHXH Quận 5' }, ['deadline']],
  ] as const)('%s %j → invalid %j', (kind, variables, fields) => {
    try {
      renderMessage(kind, 'sms', 'vi', variables as never)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(MessageTemplateError)
      expect((error as MessageTemplateError).fields).toEqual(fields)
    }
  })

  it('names the fields but never their values', () => {
    expect(() =>
      renderMessage('account_created', 'sms', 'vi', { bhxhCode: '7900012345', temporaryPassword: 'short' }),
    ).toThrow(/temporaryPassword/)
    expect(() =>
      renderMessage('account_created', 'sms', 'vi', { bhxhCode: '7900012345', temporaryPassword: 'short' }),
    ).not.toThrow(/short|7900012345/)
  })

  it.each(messageKinds)('%s refuses personal data it does not need (strict schema)', (kind) => {
    const { sample } = messageTemplateExamples(kind)
    for (const extra of [
      { fullName: person.fullName },
      { personalId: person.personalId },
      { phone: person.phone },
    ]) {
      expect(() => renderMessage(kind, 'sms', 'vi', { ...sample, ...extra } as never)).toThrow(
        MessageTemplateError,
      )
    }
    // These two carry the username (shown masked); no other template may take a BHXH code.
    if (kind !== 'account_created' && kind !== 'password_reset_by_office') {
      expect(() =>
        renderMessage(kind, 'sms', 'vi', { ...sample, bhxhCode: person.bhxhCode } as never),
      ).toThrow(MessageTemplateError)
    }
  })
})

describe('SMS segments', () => {
  it.each(smsCases)('%s (%s) fits its maximum with the longest variables', (kind, language) => {
    const { maxSmsSegments } = messageTemplateInfo(kind)
    for (const variables of Object.values(messageTemplateExamples(kind))) {
      const rendered = renderMessage(kind, 'sms', language, variables)
      expect(rendered.sms?.segments).toBeLessThanOrEqual(maxSmsSegments)
      expect(rendered.sms?.encoding).toBe('gsm7')
      expect(rendered.subject).toBeUndefined()
      expect(rendered.html).toBeUndefined()
    }
  })

  it.each(messageKinds)('%s: the "longest" fixture is at the schema limit of every text field', (kind) => {
    const { longest } = messageTemplateExamples(kind)
    const schema = messageVariableSchemas[kind]
    expect(schema.safeParse(longest).success).toBe(true)
    for (const [field, value] of Object.entries(longest)) {
      if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}/.test(value)) continue
      const longer = { ...longest, [field]: `${value}x` }
      // One character more is refused (or, for fixed formats, any other length is).
      expect(schema.safeParse(longer).success, `${kind}.${field}`).toBe(false)
    }
  })

  it('sends the OTP in one SMS, code first, no name and no ID', () => {
    const rendered = renderMessage('otp', 'sms', 'vi', { code: '123456', purpose: 'password_reset' })
    expect(rendered).toEqual({
      text:
        'Ma OTP cua ban la 123456 (lay lai mat khau), hieu luc 5 phut. ' +
        'Khong cung cap ma nay cho bat ky ai, ke ca nhan vien BHXH.',
      sms: { encoding: 'gsm7', segments: 1 },
    })
  })

  it.each([
    ['registration', 'dang ky tai khoan'],
    ['password_change', 'doi mat khau'],
    ['device_change', 'doi thiet bi dang nhap'],
    ['password_reset', 'lay lai mat khau'],
    ['child_registration', 'dang ky tai khoan cho con'],
    ['contact_change', 'thay doi thong tin lien he'],
    ['account_stop', 'ngung su dung giao dich dien tu'],
  ] as const)('names the OTP purpose %s', (purpose, text) => {
    expect(renderMessage('otp', 'sms', 'vi', { code: '123456', purpose }).text).toContain(`(${text})`)
  })

  it('tells when to bring papers only when papers are due', () => {
    const base = { dossierNumber: '07915-2026-000123', officeName: 'BHXH Quận 5' }
    const withPaper = renderMessage('dossier_received', 'sms', 'vi', { ...base, paperDeadline: '2026-12-03' })
    expect(withPaper.text).toContain('truoc ngay 03/12/2026')
    expect(withPaper.text).toContain('BHXH Quan 5 da tiep nhan ho so so 07915-2026-000123')
    const online = renderMessage('dossier_received', 'sms', 'vi', base)
    expect(online.text).not.toContain('CCCD')
    expect(online.sms?.segments).toBe(1)
  })

  it('shortens a long rejection reason to fit, and keeps a short one whole', () => {
    const short = renderMessage('dossier_rejected', 'sms', 'vi', {
      dossierNumber: 'HS-0001',
      reason: 'Ảnh CCCD mặt sau bị mờ.',
    })
    expect(short.text).toContain('Ly do: Anh CCCD mat sau bi mo. Vui long')
    const long = renderMessage('dossier_rejected', 'sms', 'vi', {
      dossierNumber: 'HS-0001',
      reason: `Thiếu giấy khai sinh của con. ${'Ảnh chân dung không rõ mặt. '.repeat(15)}`,
    })
    expect(long.sms?.segments).toBe(3)
    expect(long.text).toMatch(/\.\.\.\. Vui long hoan chinh thong tin/)
    expect(long.text).toMatch(/1900 9068\.$/)
  })

  it('masks ID numbers a reviewer typed into a reason, in every channel', () => {
    const reason = `Số CCCD ${person.personalId} không khớp; mã số BHXH 790 001 2345 đã có tài khoản.`
    for (const channel of ['sms', 'email', 'inbox'] as const) {
      const rendered = renderMessage('dossier_rejected', channel, 'vi', { dossierNumber: 'HS-0001', reason })
      expect(rendered.text).toContain('********0417')
      expect(rendered.text).toContain('******2345')
      expectNoPersonalData(`${rendered.text}${rendered.html ?? ''}`)
    }
  })

  it('shows only the last 4 digits of the username (BHXH code)', () => {
    const rendered = renderMessage('account_created', 'sms', 'vi', {
      bhxhCode: person.bhxhCode,
      temporaryPassword: 'Kx7#mP2q.',
    })
    expect(rendered.text).toBe(
      'Tai khoan VssID cua ban da duoc cap.\nTen dang nhap: ******2345 (ma so BHXH)\n' +
        'Mat khau: Kx7#mP2q.\nHay doi mat khau khi dang nhap lan dau, khong cung cap cho ai.',
    )
  })
})

describe('personal data', () => {
  it.each(allCases)(
    '%s on %s (%s) carries no name, personal ID, phone or full BHXH code',
    (kind, channel, language) => {
      for (const variables of Object.values(messageTemplateExamples(kind))) {
        const rendered = renderMessage(kind, channel, language, variables)
        expectNoPersonalData([rendered.subject, rendered.text, rendered.html].join('\n'))
      }
    },
  )
})

describe('e-mail and inbox', () => {
  it.each(allCases.filter(([, channel]) => channel !== 'sms'))(
    '%s on %s (%s) has a subject and text with diacritics, in NFC',
    (kind, channel, language) => {
      const rendered = renderMessage(
        kind,
        channel as MessageChannel,
        language,
        messageTemplateExamples(kind).sample,
      )
      expect(rendered.subject).toBeTruthy()
      expect(rendered.text.normalize('NFC')).toBe(rendered.text)
      expect(rendered.sms).toBeUndefined()
      if (channel === 'email') {
        expect(rendered.html).toContain(`<html lang="${language}">`)
        expect(rendered.html).toContain('<a href="tel:19009068"')
        expect(rendered.text).toContain('1900 9068')
      } else {
        expect(rendered.html).toBeUndefined()
      }
    },
  )

  it('keeps Vietnamese diacritics outside SMS', () => {
    const rendered = renderMessage('otp', 'email', 'vi', { code: '123456', purpose: 'registration' })
    expect(rendered.subject).toBe('Mã OTP để đăng ký tài khoản')
    expect(rendered.text).toContain('Không cung cấp mã này cho bất kỳ ai')
    expect(rendered.text).toContain('\n    123456\n')
    expect(rendered.html).toContain('>123456</p>')
  })

  it('escapes every variable in the HTML', () => {
    const reason = '<script>alert("x")</script> & <b>bold</b> \'quoted\''
    const rendered = renderMessage('dossier_rejected', 'email', 'vi', { dossierNumber: 'HS-0001', reason })
    expect(rendered.html).not.toContain('<script')
    expect(rendered.html).not.toContain('<b>')
    expect(rendered.html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; &#39;quoted&#39;',
    )
    // The plain-text part carries the text as typed.
    expect(rendered.text).toContain(reason)
  })

  it('writes NFC even when variables arrive decomposed (NFD)', () => {
    const rendered = renderMessage('paper_dossier_reminder', 'email', 'vi', {
      dossierNumber: 'HS-0001',
      officeName: 'BHXH cơ sở Đống Đa'.normalize('NFD'),
      deadline: '2026-12-03',
    })
    expect(rendered.text).toContain('BHXH cơ sở Đống Đa')
    expect(rendered.html).toContain('BHXH cơ sở Đống Đa')
  })

  it('shows times in Vietnam time', () => {
    const rendered = renderMessage('password_changed', 'inbox', 'vi', { changedAt: '2026-11-20T17:30:00Z' })
    expect(rendered.text).toContain('00:30 ngày 21/11/2026')
  })
})

describe('helpers', () => {
  it.each([
    ['7900012345', '******2345'],
    ['12', '12'],
  ])('maskBhxhCode(%j) → %j', (input, expected) => {
    expect(maskBhxhCode(input)).toBe(expected)
  })

  it.each([
    ['', ''],
    ['Hồ sơ 07915-2026-000123', 'Hồ sơ 07915-2026-000123'],
    ['CCCD 079176000417', 'CCCD ********0417'],
    ['CCCD 079 176 000 417.', 'CCCD ********0417.'],
    ['CMND 123456789', 'CMND *****6789'],
    ['ngày 03/12/2026, 1.500.000 đ', 'ngày 03/12/2026, 1.500.000 đ'],
    ['12345678', '12345678'],
  ])('maskLongNumbers(%j) → %j', (input, expected) => {
    expect(maskLongNumbers(input)).toBe(expected)
  })
})

describe('previewMessages', () => {
  it('renders every kind on each of its channels in both languages', () => {
    const previews = previewMessages()
    expect(previews).toHaveLength(allCases.length)
    expect(new Set(previews.map((preview) => preview.kind))).toEqual(new Set(messageKinds))
    for (const preview of previews.filter((item) => item.channel === 'sms')) {
      expect(preview.sms?.segments).toBeLessThanOrEqual(preview.maxSmsSegments)
    }
  })
})
