import { describe, expect, it } from 'vitest'
import {
  buildFaqIndex,
  chatThresholds,
  decideReply,
  type FaqSearchDocument,
  faqTokens,
  mentionsSecret,
  searchFaq,
  withinOneEdit,
} from './faq-search'

const entries: FaqSearchDocument[] = [
  {
    id: 'forgot-password',
    question: 'Tôi quên mật khẩu thì lấy lại như thế nào?',
    answer: 'Chọn "Quên mật khẩu", nhập tên đăng nhập, nhận mã OTP và đặt mật khẩu mới.',
    keywords: ['cấp lại mật khẩu'],
  },
  {
    id: 'otp-not-received',
    question: 'Tôi không nhận được mã OTP thì phải làm sao?',
    answer: 'Kiểm tra số điện thoại đã đăng ký, chờ vài phút rồi bấm "Gửi lại mã".',
    keywords: ['otp không về'],
  },
  {
    id: 'use-ecard',
    question: 'Đi khám chữa bệnh BHYT có cần mang thẻ giấy không?',
    answer: 'Xuất trình thẻ bảo hiểm y tế điện tử trong ứng dụng tại bệnh viện.',
    keywords: ['thẻ bhyt điện tử'],
  },
  {
    id: 'unpaid-months',
    question: 'Vì sao quá trình tham gia có tháng tô đỏ, báo chưa đóng?',
    answer: 'Tháng tô đỏ là tháng đơn vị chưa đóng bảo hiểm xã hội cho bạn.',
    keywords: ['công ty nợ bảo hiểm'],
  },
  {
    id: 'child-account',
    question: 'Đăng ký tài khoản cho con dưới 18 tuổi như thế nào?',
    answer: 'Dịch vụ công, Đăng ký tài khoản cho con, ảnh giấy khai sinh.',
    keywords: ['giấy khai sinh'],
  },
]
const index = buildFaqIndex(entries)

describe('faqTokens', () => {
  it.each([
    ['', []],
    ['  ?!  ', []],
    ['Quên MK', ['quen', 'mat', 'khau']],
    ['Bảo hiểm y tế', ['bhyt']],
    ['ko nhận dc mã xác thực', ['khong', 'nhan', 'duoc', 'otp']],
    ['Mã OTP', ['otp']],
    ['Đăng kí TK', ['dang', 'ky', 'tai', 'khoan']],
    ['sđt của tôi', ['so', 'dien', 'thoai', 'cua', 'toi']],
    ['Căn cước công dân', ['cccd']],
    ['VssID', ['vssid']],
  ])('%j → %j', (text, expected) => {
    expect(faqTokens(text)).toEqual(expected)
  })

  it('folds NFD and NFC the same', () => {
    expect(faqTokens('Thẻ BHYT'.normalize('NFD'))).toEqual(faqTokens('Thẻ BHYT'))
  })
})

describe('faqTokens in English', () => {
  it.each([
    ["Can't log in", ['cannot', 'sign', 'in']],
    ['Forgot my passwords', ['forgot', 'my', 'password']],
    ['Health insurance cards', ['bhyt', 'card']],
    ['verification code', ['otp']],
    ['sign up', ['register']],
    ["someone else's phone", ['someone', 'else', 'phone']],
    ['status', ['status']],
  ])('%j → %j', (text, expected) => {
    expect(faqTokens(text, 'en')).toEqual(expected)
  })

  it('leaves Vietnamese tokens to the Vietnamese lists', () => {
    expect(faqTokens('Thẻ BHYT các thẻ')).toEqual(['the', 'bhyt', 'cac', 'the'])
  })
})

describe('searchFaq in English', () => {
  const english = buildFaqIndex(
    [
      {
        id: 'forgot-password',
        question: 'I forgot my password. How do I get it back?',
        answer: 'Choose “Forgot your password?”, enter your username, receive an OTP and set a new password.',
        keywords: ['reset password'],
      },
      {
        id: 'otp-not-received',
        question: 'I did not receive the OTP code. What should I do?',
        answer: 'Check your registered phone number, wait a few minutes, then press “Send again”.',
        keywords: ['no otp'],
      },
      {
        id: 'use-ecard',
        question: 'Do I need to bring the paper health insurance card (thẻ BHYT) to see a doctor?',
        answer: 'Show the electronic health insurance card in the app at the hospital.',
        keywords: ['e-BHYT'],
      },
      {
        id: 'child-account',
        question: 'How do I register an account for my child under 18?',
        answer: 'Public services, Register an account for your child, photo of the birth certificate.',
        keywords: ['kids'],
      },
    ],
    'en',
  )

  it('finds nothing for words the FAQ never uses, nor for stop words alone', () => {
    expect(searchFaq(english, 'how do I')).toEqual([])
    expect(searchFaq(english, 'zzz qqq')).toEqual([])
  })

  it.each([
    ['I forgot my password', 'forgot-password'],
    ['forgotten passwords', 'forgot-password'],
    ['reset my pasword', 'forgot-password'],
    ["didn't get the verification code", 'otp-not-received'],
    ['do I need my health card at the hospital', 'use-ecard'],
    ['bhyt card', 'use-ecard'],
    ['sign up my kid', 'child-account'],
  ])('%j → %s first', (query, id) => {
    expect(searchFaq(english, query)[0]?.id).toBe(id)
  })
})

describe('withinOneEdit', () => {
  it.each([
    ['khau', 'khau', true],
    ['khua', 'khau', true],
    ['khu', 'khau', true],
    ['khaau', 'khau', true],
    ['khxu', 'khau', true],
    ['kuah', 'khau', false],
    ['kh', 'khau', false],
    ['abcd', 'wxyz', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected)
  })
})

describe('searchFaq', () => {
  it('finds nothing for an empty or unrelated query', () => {
    expect(searchFaq(index, '')).toEqual([])
    expect(searchFaq(index, 'xin chào')).toEqual([])
    expect(searchFaq(index, 'zzz qqq')).toEqual([])
  })

  it.each([
    ['quên mật khẩu', 'forgot-password'],
    ['quen mat khau', 'forgot-password'],
    ['QUÊN MK', 'forgot-password'],
    ['quen mat khua', 'forgot-password'],
    ['khong nhan duoc otp', 'otp-not-received'],
    ['ko nhận đc mã xác thực', 'otp-not-received'],
    ['di kham benh co can the giay', 'use-ecard'],
    ['the bao hiem y te dien tu', 'use-ecard'],
    ['cong ty no bao hiem', 'unpaid-months'],
    ['dang ky cho con', 'child-account'],
  ])('%j → %s first', (query, id) => {
    expect(searchFaq(index, query)[0]?.id).toBe(id)
  })

  it('ranks best first and keeps to the limit', () => {
    const hits = searchFaq(index, 'mật khẩu otp đăng ký', 2)
    expect(hits).toHaveLength(2)
    expect(hits[0]?.score).toBeGreaterThanOrEqual(hits[1]?.score ?? 0)
  })
})

describe('decideReply', () => {
  const hit = (id: string, score: number) => ({ id, score })

  it.each([
    ['no hits', [], 'unclear'],
    ['a weak best', [hit('a', chatThresholds.minScore - 0.1)], 'unclear'],
    ['two entries alike', [hit('a', 10), hit('b', 9.5)], 'unclear'],
    ['a clear best', [hit('a', 10), hit('b', 5)], 'answer'],
    ['a single strong hit', [hit('a', chatThresholds.minScore)], 'answer'],
  ])('%s', (_name, hits, kind) => {
    expect(decideReply(hits).kind).toBe(kind)
  })

  it('offers at most three nearest questions when unclear', () => {
    const decision = decideReply([hit('a', 1), hit('b', 1), hit('c', 1), hit('d', 1)])
    expect(decision).toEqual({ kind: 'unclear', nearest: [hit('a', 1), hit('b', 1), hit('c', 1)] })
  })

  it('answers with the best and names the next two', () => {
    expect(decideReply([hit('a', 10), hit('b', 4), hit('c', 3), hit('d', 2)])).toEqual({
      kind: 'answer',
      best: hit('a', 10),
      others: [hit('b', 4), hit('c', 3)],
    })
  })
})

describe('mentionsSecret', () => {
  it.each([
    ['', false],
    ['quên mật khẩu', false],
    ['không nhận được mã OTP', false],
    ['mật khẩu phải có mấy ký tự', false],
    ['mã OTP 482913 nhập ở đâu', true],
    ['mat khau cua toi la Abc12345', true],
    ['mk: Hoa@2024x', true],
    ['có người gọi xin mã otp', true],
    ['cán bộ BHXH yêu cầu cung cấp mật khẩu', true],
    ['tôi đã đọc mã xác thực cho người ta', true],
    ['my code is 123456', false],
    ['I did not receive the OTP', false],
    ['my password is Abc12345', true],
    ['the verification code is 482913', true],
    ['someone called and asked for my OTP', true],
    ['should I tell them my password', true],
  ])('%j → %s', (message, expected) => {
    expect(mentionsSecret(message)).toBe(expected)
  })
})
