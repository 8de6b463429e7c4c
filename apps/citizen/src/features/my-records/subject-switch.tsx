import type { MyChildren } from '@ansinh/domain'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCitizenSession, useSignedIn } from '../session/session'
import { useLanguage } from '../session/use-language'
import { getChildren, selfSubject } from './api'
import { useRecordsSubject } from './subject'

export type ChildAccount = MyChildren['items'][number]

/**
 * The children whose accounts the signed-in person holds; empty while loading and when the list cannot
 * be read (the screens then show the person's own records, as they would without children).
 */
export function useChildAccounts(): ChildAccount[] {
  const language = useLanguage()
  const { handleFailure } = useCitizenSession()
  const [children, setChildren] = useState<ChildAccount[]>([])
  useEffect(() => {
    const controller = new AbortController()
    getChildren(language, controller.signal)
      .then((result) => {
        if (result.ok) setChildren(result.value.items)
        else handleFailure(result.error)
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [language, handleFailure])
  return children
}

/**
 * "Xem thông tin của: [the person] / [each child]": whose records the screen shows. Only for a parent
 * who holds a child's account; choosing re-loads the screen's views for that person (useRecord follows
 * the subject).
 */
export function SubjectSwitch() {
  const { t } = useTranslation()
  const session = useSignedIn()
  const children = useChildAccounts()
  const { subject, setSubject } = useRecordsSubject()
  if (children.length === 0) return null
  const chosen = subject.kind === 'child' ? subject.childId : null
  const options = [
    { id: null, name: session.account.fullName },
    ...children.map((child) => ({ id: child.id, name: child.fullName })),
  ]
  return (
    <fieldset className="records-switch">
      <legend className="records-switch__label">{t('records.switch.label')}</legend>
      <div className="records-switch__options">
        {options.map((option) => (
          <label key={option.id ?? 'self'} className="records-switch__option">
            <input
              type="radio"
              name="records-subject"
              checked={chosen === option.id}
              onChange={() =>
                setSubject(option.id === null ? selfSubject : { kind: 'child', childId: option.id })
              }
            />
            <span>{option.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
