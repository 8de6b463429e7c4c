/** The wizard's steps in order, each its own URL under /register so that the browser's back works. */
export const stepIds = ['info', 'photos', 'office', 'review', 'done'] as const
export type StepId = (typeof stepIds)[number]

export const registerPath = '/register'
export const statusPath = '/register/status'

export function stepPath(step: StepId): string {
  return `${registerPath}/${step}`
}

/** 1-based position for "Bước 2/5". */
export function stepNumber(step: StepId): number {
  return stepIds.indexOf(step) + 1
}

export function stepOfPath(pathname: string): StepId | undefined {
  const last = pathname.replace(/\/+$/, '').split('/').pop()
  return stepIds.find((step) => step === last)
}
