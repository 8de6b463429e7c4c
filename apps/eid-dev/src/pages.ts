import type { DemoIdentity } from './identities'

/**
 * The local provider's pages, in Vietnamese: sign-in (a demo identity's personal ID and the demo
 * password) and consent (what An Sinh asks to read, "Đồng ý" / "Từ chối"). Plain HTML forms, no
 * script, so any browser (and the end-to-end journeys) can drive them.
 */

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c)

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Định danh điện tử (thử nghiệm)</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
  main { max-width: 26rem; margin: 2rem auto; background: #fff; padding: 1.5rem; border-radius: 0.75rem;
         box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  h1 { font-size: 1.25rem; margin-top: 0; color: #b71c1c; }
  label { display: block; margin: 0.75rem 0 0.25rem; font-weight: 600; }
  input, select { width: 100%; box-sizing: border-box; padding: 0.6rem; font-size: 1rem; border: 1px solid #9aa4ae; border-radius: 0.4rem; }
  button { margin-top: 1rem; padding: 0.7rem 1.2rem; font-size: 1rem; border-radius: 0.4rem; border: 0; cursor: pointer; }
  .primary { background: #b71c1c; color: #fff; }
  .secondary { background: #e3e7eb; color: #1b1f24; }
  .error { color: #b71c1c; }
  .note { font-size: 0.9rem; color: #4a545e; }
  table { border-collapse: collapse; font-size: 0.85rem; margin-top: 1rem; width: 100%; }
  td, th { text-align: left; padding: 0.25rem 0.4rem; border-bottom: 1px solid #e3e7eb; }
</style>
</head>
<body><main>${body}</main></body>
</html>`
}

export function loginPage(input: {
  action: string
  identities: readonly DemoIdentity[]
  password: string
  error?: string
  personalId?: string
  /** The level chosen on the page shown again after an error: '' for the identity's own. */
  level?: string
}): string {
  const options = input.identities
    .map((identity) => `<option value="${identity.personalId}">${escapeHtml(identity.fullName)}</option>`)
    .join('')
  const rows = input.identities
    .map(
      (identity) =>
        `<tr><td>${identity.personalId}</td><td>${escapeHtml(identity.fullName)}</td><td>mức ${identity.level}</td><td>${escapeHtml(identity.note)}</td></tr>`,
    )
    .join('')
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''
  return layout(
    'Đăng nhập',
    `<h1>Đăng nhập tài khoản định danh điện tử</h1>
<p class="note">Nhà cung cấp định danh thử nghiệm chạy trên máy này; không dùng cho hệ thống thật.</p>
${error}
<form method="post" action="${escapeHtml(input.action)}">
  <label for="personalId">Số định danh cá nhân</label>
  <input id="personalId" name="personalId" list="demo-identities" inputmode="numeric" autocomplete="username"
         required value="${escapeHtml(input.personalId ?? '')}">
  <datalist id="demo-identities">${options}</datalist>
  <label for="password">Mật khẩu</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  ${levelChoice(input.level ?? '')}
  <button class="primary" type="submit">Đăng nhập</button>
</form>
<p class="note">Mật khẩu của mọi tài khoản thử nghiệm: <code>${escapeHtml(input.password)}</code></p>
<table><thead><tr><th>Số định danh</th><th>Họ và tên</th><th>Mức</th><th>Kết quả ở An Sinh</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  )
}

/**
 * A test aid of this development provider only, which a real provider has no counterpart of: the
 * login asserts a lower level than the identity's (a level-2 account holder at level 1, so the
 * device-change OTP can be tried in a browser). Without script the page does not know the identity
 * before it is sent, so it offers the identity's own level or level 1, the one level below any;
 * the provider refuses a level above the identity's.
 */
function levelChoice(chosen: string): string {
  const option = (value: string, text: string) =>
    `<option value="${value}"${value === chosen ? ' selected' : ''}>${text}</option>`
  return `<label for="level">Mức định danh khi thử</label>
  <select id="level" name="level" aria-describedby="level-note">
    ${option('', 'Mức của tài khoản (theo bảng dưới)')}
    ${option('1', 'Mức 1')}
  </select>
  <p id="level-note" class="note">Chỉ có ở nhà cung cấp định danh thử nghiệm: đăng nhập ở mức thấp hơn mức của
  tài khoản, chẳng hạn để thử mã OTP khi đổi thiết bị. Không bao giờ cao hơn mức của tài khoản.</p>`
}

/** What each scope lets An Sinh read, as the person is told before agreeing. */
const scopeTexts: Record<string, string> = {
  openid: 'Mã tài khoản định danh điện tử và mức độ định danh',
  profile: 'Họ và tên, ngày sinh',
  phone: 'Số điện thoại',
  personal_id: 'Số định danh cá nhân',
}

export function consentPage(input: {
  action: string
  clientName: string
  fullName: string
  scopes: string[]
}): string {
  const items = input.scopes.map((scope) => `<li>${escapeHtml(scopeTexts[scope] ?? scope)}</li>`).join('')
  return layout(
    'Chia sẻ thông tin',
    `<h1>Chia sẻ thông tin với ${escapeHtml(input.clientName)}</h1>
<p>Xin chào <strong>${escapeHtml(input.fullName)}</strong>. ${escapeHtml(input.clientName)} đề nghị được đọc:</p>
<ul>${items}</ul>
<form method="post" action="${escapeHtml(input.action)}">
  <button class="primary" type="submit" name="decision" value="allow">Đồng ý</button>
  <button class="secondary" type="submit" name="decision" value="deny">Từ chối</button>
</form>`,
  )
}

export function errorPage(message: string): string {
  return layout('Lỗi', `<h1>Không thực hiện được</h1><p class="error">${escapeHtml(message)}</p>`)
}
