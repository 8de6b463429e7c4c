import { citizenIdQrFields } from './qr-citizen-id'
import { splitQrFields } from './qr-health-card'

export const QrKind = { HealthCard: 'healthCard', CitizenId: 'citizenId', Unknown: 'unknown' } as const
export type QrKind = (typeof QrKind)[keyof typeof QrKind]

/**
 * Which card a scanned QR payload comes from, by the shape of its first field (as hospital systems
 * do): 12 digits is a CCCD, 10 digits or a legacy 15-character number is a BHYT card. A CCCD
 * payload with too few fields is still reported as `citizenId`, so that its parser can explain
 * what is wrong.
 */
export function detectQrKind(payload: string): QrKind {
  const citizenFields = citizenIdQrFields(payload)
  if (/^\d{12}$/.test(citizenFields[0]?.trim() ?? '') && citizenFields.length >= 6) return QrKind.CitizenId
  const healthFields = splitQrFields(payload)
  const code = healthFields[0]?.trim().toUpperCase() ?? ''
  if ((/^\d{10}$/.test(code) || /^[A-Z]{2}[1-5]\d{12}$/.test(code)) && healthFields.length >= 2) {
    return QrKind.HealthCard
  }
  return QrKind.Unknown
}
