import { type CitizenPasswordProblem, checkCitizenPassword } from '@ansinh/domain'
import { useTranslation } from 'react-i18next'
import { CheckIcon } from '../registration/form-controls'

/** What the browser knows of the person: the BHXH code or personal ID typed or signed in with. */
export type KnownIdentity = { bhxhCode: string; personalId: string | null }

// The common-password list lives on the server only (10,000 entries are not worth a download).
const notCommonHere = () => false

const shownRules = ['length', 'upper', 'lower', 'digit', 'special', 'personal'] as const

/** The problems the browser can see; `common` is left to the server. */
export function passwordProblems(password: string, identity: KnownIdentity): CitizenPasswordProblem[] {
  const check = checkCitizenPassword(
    password,
    // Phone and date of birth are not in the browser: the server checks them.
    {
      bhxhCode: identity.bhxhCode,
      personalId: identity.personalId,
      phone: null,
      birth: { year: Number.NaN },
    },
    notCommonHere,
  )
  return check.ok ? [] : check.problems
}

/**
 * The password rule as a live list: each line turns green once the new password meets it. The box
 * points at the list with `aria-describedby`; the list itself is not a live region (it would speak on
 * every key press), the summary of what is missing is announced when the form is sent.
 */
export function PasswordChecklist({
  id,
  password,
  identity,
}: {
  id: string
  password: string
  identity: KnownIdentity
}) {
  const { t } = useTranslation()
  const problems = passwordProblems(password, identity)
  const touched = password.length > 0
  return (
    <div id={id} className="auth-checklist-box">
      <p className="reg-field__hint">{t('security.rule.title')}</p>
      <ul className="auth-checklist">
        {shownRules.map((rule) => {
          const met = touched && !problems.includes(rule)
          return (
            <li key={rule} data-met={met ? 'true' : 'false'} data-touched={touched ? 'true' : 'false'}>
              {met ? <CheckIcon /> : <OpenIcon />}
              <span>
                {t(`security.rule.${rule}`)}
                <span className="as-visually-hidden">
                  {touched ? ` (${met ? t('security.rule.met') : t('security.rule.notMet')})` : ''}
                </span>
              </span>
            </li>
          )
        })}
        <li data-met="false" data-touched="false">
          <OpenIcon />
          <span>{t('security.rule.common')}</span>
        </li>
      </ul>
    </div>
  )
}

/** A rule not met yet: an empty circle where the tick will come. */
function OpenIcon() {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className="reg-icon">
      <circle cx="10" cy="10" r="6" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  )
}
