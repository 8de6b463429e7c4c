import { AGENCY_HOTLINE } from '@ansinh/domain'

/**
 * The small page behind a reminder's opt-out link, in Vietnamese with an English line under each
 * sentence: the person may read either. Static text only (nothing from the request is printed), no
 * script; the form posts to the address the page was opened at.
 */

export type OptOutPageState = 'ask' | 'done' | 'invalid'

const texts: Record<
  OptOutPageState,
  { title: [string, string]; body: [string, string]; button?: [string, string] }
> = {
  ask: {
    title: ['Ngừng nhận tin nhắc đăng ký', 'Stop registration reminders'],
    body: [
      'Bạn nhận được tin nhắc đăng ký tài khoản giao dịch điện tử BHXH và cài ứng dụng VssID từ cơ quan, trường học nơi bạn làm việc hoặc học tập. Bấm nút dưới đây nếu bạn không muốn nhận các tin nhắc này nữa.',
      'Your school or employer reminded you to register for BHXH e-transactions and install VssID. Press the button below to receive no more of these reminders.',
    ],
    button: ['Ngừng nhận tin nhắc', 'Stop reminders'],
  },
  done: {
    title: ['Đã ngừng gửi tin nhắc', 'Reminders stopped'],
    body: [
      `Bạn sẽ không nhận tin nhắc đăng ký từ các cơ quan, trường học nữa. Các thông báo về hồ sơ và tài khoản của bạn vẫn được gửi bình thường. Hỗ trợ: ${AGENCY_HOTLINE}.`,
      `You will receive no more registration reminders. Messages about your own dossiers and account still reach you. Help: ${AGENCY_HOTLINE}.`,
    ],
  },
  invalid: {
    title: ['Đường dẫn không hợp lệ', 'This link is not valid'],
    body: [
      `Đường dẫn không đúng hoặc đã bị thay đổi. Vui lòng mở lại đường dẫn trong tin nhắn, hoặc gọi ${AGENCY_HOTLINE}.`,
      `The link is wrong or was altered. Open the link in the message again, or call ${AGENCY_HOTLINE}.`,
    ],
  },
}

export function optOutPage(state: OptOutPageState): string {
  const text = texts[state]
  const form = text.button
    ? `<form method="post"><button type="submit">${text.button[0]}<br><span lang="en">${text.button[1]}</span></button></form>`
    : ''
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${text.title[0]}</title>`,
    '<style>body{font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1a1a1a;' +
      'background:#f3f5f7;margin:0;padding:24px 16px}main{max-width:560px;margin:0 auto;background:#fff;' +
      'border-radius:8px;padding:24px}h1{font-size:22px;margin:0 0 16px}[lang=en]{color:#3d3d3d;font-size:15px}' +
      'button{font:inherit;background:#0b5394;color:#fff;border:0;border-radius:6px;padding:12px 20px;cursor:pointer}' +
      'button [lang=en]{color:#fff}</style></head>',
    '<body><main>',
    '<p style="margin:0 0 16px;font-size:14px;font-weight:bold;color:#0b5394">BẢO HIỂM XÃ HỘI VIỆT NAM · VssID</p>',
    `<h1>${text.title[0]}<br><span lang="en">${text.title[1]}</span></h1>`,
    `<p>${text.body[0]}</p>`,
    `<p lang="en">${text.body[1]}</p>`,
    form,
    '</main></body>',
    '</html>',
  ].join('\n')
}
