/**
 * This device's identity for the one-device rule: a random id kept in localStorage (a new one only
 * when the storage is cleared, which the server then treats as a new device), and a readable name
 * for the devices page ("Chrome trên Android").
 */
const storageKey = 'ansinh.citizen.deviceId'

export function deviceId(): string {
  try {
    const stored = localStorage.getItem(storageKey)
    if (stored && stored.length >= 8) return stored
    const created = crypto.randomUUID()
    localStorage.setItem(storageKey, created)
    return created
  } catch {
    // Storage refused (private mode): a fresh id per visit still signs in; the server asks for an OTP.
    return crypto.randomUUID()
  }
}

/** "Chrome trên Android", "Safari on iOS": the browser and the system, from the user agent. */
export function deviceName(language: 'vi' | 'en', userAgent = navigator.userAgent): string {
  const on = language === 'en' ? 'on' : 'trên'
  return `${browserOf(userAgent)} ${on} ${systemOf(userAgent)}`
}

function browserOf(ua: string): string {
  if (/EdgA?\//.test(ua)) return 'Edge'
  if (/SamsungBrowser\//.test(ua)) return 'Samsung Internet'
  if (/coc_coc_browser\//.test(ua)) return 'Cốc Cốc'
  if (/Zalo/i.test(ua)) return 'Zalo'
  if (/OPR\/|Opera/.test(ua)) return 'Opera'
  if (/Firefox\/|FxiOS\//.test(ua)) return 'Firefox'
  if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) return 'Chrome'
  if (/Safari\//.test(ua)) return 'Safari'
  return 'Browser'
}

function systemOf(ua: string): string {
  if (/Android/.test(ua)) return 'Android'
  if (/iPhone|iPad|iPod/.test(ua)) return 'iOS'
  if (/Windows/.test(ua)) return 'Windows'
  if (/Mac OS X|Macintosh/.test(ua)) return 'macOS'
  if (/CrOS/.test(ua)) return 'ChromeOS'
  if (/Linux/.test(ua)) return 'Linux'
  return '?'
}
