import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { useCitizenSession } from '../session/session'
import { type RecordsSubject, selfSubject } from './api'

type SubjectContextValue = { subject: RecordsSubject; setSubject: (subject: RecordsSubject) => void }

const SubjectContext = createContext<SubjectContextValue>({
  subject: selfSubject,
  setSubject: () => undefined,
})

/**
 * Whose records the card, participation, benefits and visit screens show: a parent switches to a
 * child and back. Kept in memory for the session of the page only, so a reload shows the person's own.
 */
export function RecordsSubjectProvider({ children }: { children: ReactNode }) {
  const { state } = useCitizenSession()
  const account = state.status === 'signedIn' ? state.session.account.bhxhCode : null
  const [chosen, setChosen] = useState<{ account: string | null; subject: RecordsSubject }>({
    account,
    subject: selfSubject,
  })
  // A choice belongs to the account that made it: after a sign-out or another sign-in, the own records.
  const subject = chosen.account === account ? chosen.subject : selfSubject
  const setSubject = useCallback((next: RecordsSubject) => setChosen({ account, subject: next }), [account])
  const value = useMemo(() => ({ subject, setSubject }), [subject, setSubject])
  return <SubjectContext.Provider value={value}>{children}</SubjectContext.Provider>
}

export function useRecordsSubject(): SubjectContextValue {
  return useContext(SubjectContext)
}
