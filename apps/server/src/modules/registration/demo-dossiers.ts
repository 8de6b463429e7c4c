import { eq } from 'drizzle-orm'
import sharp from 'sharp'
import type { Deps } from '../../app'
import { citizenAccounts } from '../../db/schema'
import { demoAccounts } from '../registry/demo-population/well-known'
import { fileChildRegistration, fileContactChange } from './account-dossiers'
import { processPhoto } from './photos'
import { stagePhoto } from './stored-photos'

/**
 * Two dossiers filed from the demo citizen's account on a fresh demo, so the back-office shows each
 * kind before the self-service screens that file them exist: an account for her son Lê Gia Bảo at
 * BHXH Quận 6 (seed 004's example), and a new e-mail address at BHXH Quận 5.
 */
export async function fileDemoDossiers(deps: Deps): Promise<void> {
  const { citizen, child } = demoAccounts
  const [account] = await deps.database.db
    .select({ id: citizenAccounts.id })
    .from(citizenAccounts)
    .where(eq(citizenAccounts.username, citizen.username))
  if (!account) return
  const birthCertificate = await stagePhoto(deps, await processPhoto(await demoBirthCertificate()))
  await fileChildRegistration(
    deps,
    account.id,
    {
      identifier: { kind: 'bhxhCode', value: child.bhxhCode },
      fullName: child.fullName,
      officeCode: '07916',
    },
    birthCertificate,
  )
  await fileContactChange(deps, account.id, { email: 'thuhang.moi@example.com', officeCode: '07915' })
}

/** A plainly fake birth certificate: a card with its title and the word DEMO across it. */
async function demoBirthCertificate(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="640">
    <rect width="900" height="640" fill="#fbf6e9" stroke="#8a6d3b" stroke-width="12"/>
    <text x="450" y="120" font-family="DejaVu Sans, sans-serif" font-size="44" text-anchor="middle">GIẤY KHAI SINH</text>
    <text x="450" y="200" font-family="DejaVu Sans, sans-serif" font-size="30" text-anchor="middle">Họ và tên: ${demoAccounts.child.fullName}</text>
    <text x="450" y="420" font-family="DejaVu Sans, sans-serif" font-size="120" fill="#c0392b" opacity="0.35" text-anchor="middle">MẪU DEMO</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg().toBuffer()
}
