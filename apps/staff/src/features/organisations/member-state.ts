import type { MemberView } from '@ansinh/domain'

/**
 * How far a member has come, as the list says it in one cell: nothing yet, or registered and then
 * each step taken after it (the account active, the app signed in to once). Pure, shared with tests.
 */
export type MemberStep = 'notRegistered' | 'registered' | 'accountActive' | 'signedIn'

export function memberSteps(
  member: Pick<MemberView, 'registered' | 'accountActive' | 'signedIn'>,
): MemberStep[] {
  if (!member.registered) return ['notRegistered']
  const steps: MemberStep[] = ['registered']
  if (member.accountActive) steps.push('accountActive')
  if (member.signedIn) steps.push('signedIn')
  return steps
}
