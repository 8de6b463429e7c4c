import { createHash } from 'node:crypto'

/**
 * The e-ID accounts of the local provider (tài khoản định danh điện tử). They mirror the well-known
 * demo people of the server's demo seed (apps/server/src/modules/registry/demo-population/
 * well-known.ts; a server test checks that they still agree), so each outcome of the sign-in can be
 * tried: a person with an account, one without at level 2, one without at level 1, and a personal ID
 * that is in no registry record.
 */
export type DemoIdentity = {
  /** Số định danh cá nhân: 12 digits. */
  personalId: string
  fullName: string
  /** YYYY-MM-DD, as OpenID Connect's `birthdate`. */
  birthdate: string
  phone: string | null
  /** Mức độ định danh: level 2 was checked in person (Nghị định 69/2024/NĐ-CP). */
  level: 1 | 2
  /** What the An Sinh demo does with it, shown on the login page. */
  note: string
}

/** Every demo identity's password (published, like the demo accounts' passwords). */
export const demoPassword = 'Demo@VNeID2026'

export const demoIdentities: readonly DemoIdentity[] = [
  {
    personalId: '079176000417',
    fullName: 'Nguyễn Thị Thu Hằng',
    birthdate: '1976-03-12',
    phone: '0901234567',
    level: 2,
    note: 'đã có tài khoản: đăng nhập',
  },
  {
    personalId: '079080000612',
    fullName: 'Lê Văn Minh',
    birthdate: '1980-07-21',
    phone: '0901234568',
    level: 2,
    note: 'chưa có tài khoản, mức 2: tạo tài khoản',
  },
  {
    personalId: '079150000734',
    fullName: 'Trần Thị Mai',
    birthdate: '1950-11-02',
    phone: '0901234569',
    level: 1,
    note: 'chưa có tài khoản, mức 1: từ chối',
  },
  {
    personalId: '001199000999',
    fullName: 'Phạm Thu Trang',
    birthdate: '1999-04-30',
    phone: '0912345670',
    level: 2,
    note: 'không có trong cơ sở dữ liệu BHXH',
  },
]

/**
 * The subject (`sub`) of an identity: an opaque, stable id, not the personal ID, as a real provider's
 * is; the relying party must read the personal ID from its own claim.
 */
export function subjectOf(personalId: string): string {
  return createHash('sha256').update(`eid-dev:${personalId}`).digest('base64url').slice(0, 32)
}
