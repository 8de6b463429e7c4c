/**
 * Every action the server writes to the audit log (`recordAudit` calls in apps/server), grouped as the
 * filter shows them. Each has a label in the i18n tables under `audit.actions`; an action added on the
 * server before it is added here is shown by its code.
 */
export const auditActionGroups = {
  session: [
    'staff.sign_in',
    'staff.sign_in_failed',
    'staff.second_factor',
    'staff.second_factor_failed',
    'staff.enrolled',
    'staff.sign_out',
    'staff.session_expired',
    'staff.csrf_refused',
    'staff.access_denied',
    'staff.password_change',
    'staff.password_change_failed',
    'staff.recovery_codes_renewed',
    'staff.recovery_codes_refused',
  ],
  dossiers: [
    'dossier.search',
    'dossier.view',
    'dossier.photo_view',
    'dossier.export',
    'dossier.assign',
    'dossier.release',
    'dossier.receive',
    'dossier.decide',
    'dossier.file_add',
  ],
  accounts: [
    'staff.accounts_listed',
    'staff.account_created',
    'staff.account_locked',
    'staff.account_unlocked',
    'staff.second_factor_reset',
    'staff.account_denied',
  ],
  citizenAccounts: [
    'citizen_account.search',
    'citizen_account.view',
    'citizen_account.lock',
    'citizen_account.unlock',
    'citizen_account.sign_out_everywhere',
    'citizen_account.reset_password',
  ],
  feedback: ['feedback.search', 'feedback.view', 'feedback.attachment_view', 'feedback.answer'],
  news: ['news.create', 'news.update', 'news.publish', 'news.withdraw', 'news.image_upload'],
  integration: ['integration.import', 'partner_key.issue', 'partner_key.list', 'partner_key.revoke'],
  audit: ['audit.search'],
} as const

export type AuditActionGroup = keyof typeof auditActionGroups
export type AuditAction = (typeof auditActionGroups)[AuditActionGroup][number]

const knownActions: ReadonlySet<string> = new Set(Object.values(auditActionGroups).flat())

export function isAuditAction(action: string): action is AuditAction {
  return knownActions.has(action)
}

/** The kinds of record an entry can point at, with labels under `audit.recordTypes`. */
export const auditRecordTypes = [
  'dossier',
  'citizen_account',
  'staff_account',
  'feedback',
  'news_article',
  'news_image',
  'integration_import',
  'partner_api_key',
  'medical_facility',
  'employer',
] as const
export type AuditRecordType = (typeof auditRecordTypes)[number]

export function isAuditRecordType(recordType: string): recordType is AuditRecordType {
  return (auditRecordTypes as readonly string[]).includes(recordType)
}
