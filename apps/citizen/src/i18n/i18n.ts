import { createI18n } from '@ansinh/ui'
import en from './en.json'
import vi from './vi.json'

export const i18n = createI18n({ resources: { vi, en } })
