import type { AddressCodeSet, AdminUnitHit } from '@ansinh/domain'
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { searchCommunes } from './api'
import {
  movedIndex,
  optionTitle,
  searchableQuery,
  searchDelayMs,
  type UnitOption,
  type UnitPatch,
  unitOptions,
  unitPatch,
} from './unit-search-model'
import { type Loaded, useLanguage } from './use-directory'
import './registration.css'

type Search =
  | { status: 'idle' }
  // The last answer stays on screen while the next is on its way, so the list does not flicker.
  | { status: 'searching'; hits: AdminUnitHit[] }
  | { status: 'done'; hits: AdminUnitHit[] }
  | { status: 'failed' }
  | { status: 'chosen'; title: string }

/**
 * "Tìm xã/phường theo tên mới hoặc tên cũ": a type-ahead over the communes of `codeSet` that also
 * knows them by the names of the other code set, since many people still know only the name their
 * ward had before 1 July 2025. Choosing fills the selects below it through `onChoose`, which stay
 * the way to pick by hand (and show the choice). WAI-ARIA 1.2 combobox with a list popup: the focus
 * stays in the input and `aria-activedescendant` names the option the arrows are on.
 */
export function UnitSearch({
  codeSet,
  provinces,
  onChoose,
}: {
  codeSet: AddressCodeSet
  /** The provinces list the form already holds, for the province name under each option. */
  provinces: Loaded<{ items: { code: string; fullName: string }[] }>
  onChoose: (patch: UnitPatch) => void
}) {
  const { t } = useTranslation()
  const language = useLanguage()
  const id = useId()
  const inputId = `${id}-input`
  const listId = `${id}-list`
  const optionId = (code: string) => `${id}-option-${code}`
  const [text, setText] = useState('')
  const [search, setSearch] = useState<Search>({ status: 'idle' })
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const inFlight = useRef<AbortController | null>(null)

  const provinceNames = useMemo(
    () =>
      new Map(
        provinces.status === 'ok' ? provinces.data.items.map((unit) => [unit.code, unit.fullName]) : [],
      ),
    [provinces],
  )
  const options = useMemo(
    () => ('hits' in search ? unitOptions(search.hits, codeSet, provinceNames) : []),
    [search, codeSet, provinceNames],
  )
  const expanded = open && options.length > 0
  const activeOption = expanded ? options[active] : undefined

  const activeId = activeOption ? optionId(activeOption.code) : undefined

  const stop = () => {
    clearTimeout(timer.current)
    inFlight.current?.abort()
    inFlight.current = null
  }
  useEffect(
    () => () => {
      clearTimeout(timer.current)
      inFlight.current?.abort()
    },
    [],
  )
  // A long list scrolls with the arrows, since the focus itself never leaves the input.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  const typed = (value: string) => {
    setText(value)
    setActive(-1)
    stop()
    const query = searchableQuery(value)
    if (query === null) {
      setSearch({ status: 'idle' })
      setOpen(false)
      return
    }
    setSearch((current) => ({ status: 'searching', hits: 'hits' in current ? current.hits : [] }))
    timer.current = setTimeout(() => {
      const controller = new AbortController()
      inFlight.current = controller
      searchCommunes(query, codeSet, language, controller.signal).then(
        (result) => {
          if (controller.signal.aborted) return
          inFlight.current = null
          setSearch(result.ok ? { status: 'done', hits: result.value.items } : { status: 'failed' })
          setOpen(true)
        },
        // Aborted by a newer keystroke: that one answers instead.
        () => undefined,
      )
    }, searchDelayMs)
  }

  const choose = (option: UnitOption) => {
    stop()
    onChoose(unitPatch(option, codeSet))
    const title = optionTitle(option)
    setText(title)
    setSearch({ status: 'chosen', title })
    setOpen(false)
    setActive(-1)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return
        event.preventDefault()
        const key = event.key
        // A closed list opens on the first (or, going up, the last) option.
        setActive((current) => movedIndex(expanded ? current : -1, options.length, key))
        setOpen(true)
        return
      }
      case 'Enter':
        // The search is no part of the form: Enter here never sends it.
        event.preventDefault()
        if (activeOption) choose(activeOption)
        return
      case 'Escape':
        event.preventDefault()
        if (expanded) {
          setOpen(false)
          setActive(-1)
        } else typed('')
        return
    }
  }

  const viaText = (option: UnitOption) =>
    option.via
      ? t(
          option.via.key === 'formerly'
            ? 'registration.unitSearch.formerly'
            : 'registration.unitSearch.nowIs',
          { name: option.via.names },
        )
      : ''

  const status =
    search.status === 'searching'
      ? t('registration.unitSearch.searching')
      : search.status === 'failed'
        ? t('registration.unitSearch.failed')
        : search.status === 'chosen'
          ? t('registration.unitSearch.chosen', { name: search.title })
          : search.status === 'done'
            ? options.length > 0
              ? t('registration.unitSearch.results', { count: options.length })
              : t('registration.unitSearch.none')
            : ''

  return (
    <div className="reg-field unit-search">
      <label className="reg-field__label" htmlFor={inputId}>
        {t('registration.unitSearch.label')}
      </label>
      <p id={`${id}-hint`} className="reg-field__hint">
        {t('registration.unitSearch.hint')}
      </p>
      <div className="unit-search__box">
        <input
          id={inputId}
          type="text"
          role="combobox"
          className="reg-input unit-search__input"
          value={text}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-describedby={`${id}-hint`}
          onChange={(event) => typed(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false)
            setActive(-1)
          }}
        />
        <div
          id={listId}
          role="listbox"
          className="unit-search__list"
          aria-label={t('registration.unitSearch.listLabel')}
          hidden={!expanded}
        >
          {options.map((option, index) => (
            // The options are never focused nor keyed: the input keeps the focus and handles the keys
            // (aria-activedescendant), as the combobox pattern asks.
            // biome-ignore lint/a11y/useFocusableInteractive: see above
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above
            <div
              key={option.code}
              id={optionId(option.code)}
              role="option"
              aria-selected={index === active}
              className="unit-search__option"
              // Keeps the focus in the input, so that choosing does not first close the list on blur.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
            >
              <span>
                <span className="unit-search__name">{option.fullName}</span>
                {option.provinceName ? (
                  <span className="unit-search__meta">, {option.provinceName}</span>
                ) : null}
              </span>
              {option.via ? <span className="unit-search__via">{viaText(option)}</span> : null}
            </div>
          ))}
        </div>
      </div>
      <p className="reg-field__hint unit-search__status" role="status">
        {status}
      </p>
    </div>
  )
}
