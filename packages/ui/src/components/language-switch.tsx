import { useTranslation } from 'react-i18next'
import { isLanguage, type Language, languages } from '../i18n/languages'

export type LanguageSwitchProps = {
  /** `onDark` for a coloured header bar, `onLight` for a white surface. */
  tone?: 'onDark' | 'onLight'
  className?: string
}

/**
 * Two toggle buttons, each named in its own language (so a reader of either language finds it) and
 * marked with `lang` so screen readers pronounce it correctly; `aria-pressed` tells which is active.
 */
export function LanguageSwitch({ tone = 'onDark', className }: LanguageSwitchProps) {
  const { t, i18n } = useTranslation('ui')
  const current: Language = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'vi'
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset
    <div
      role="group"
      aria-label={t('language.label')}
      className={['as-lang-switch', `as-lang-switch--${tone}`, className].filter(Boolean).join(' ')}
    >
      {languages.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="as-lang-switch__option"
          aria-pressed={current === lng}
          onClick={() => {
            if (current !== lng) void i18n.changeLanguage(lng)
          }}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  )
}
