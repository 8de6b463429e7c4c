import { bigint, timestamp } from 'drizzle-orm/pg-core'

/** Column shapes every module's tables share, so they are spelt one way. */

/** A surrogate key the database assigns. */
export const identityId = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity()

/** Integer đồng. */
export const money = (name: string) => bigint(name, { mode: 'number' })

/** A UTC instant set by the database when the row is written. */
export const writtenAt = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow()
