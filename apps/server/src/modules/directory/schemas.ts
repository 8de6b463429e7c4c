import { z } from 'zod'

// Query schemas; the answers' schemas are in @ansinh/domain (directory.ts), shared with the apps.

import { adminCodeSets } from '../../db/schema/directory'

export const CodeSetQuery = z.object({
  codeSet: z
    .enum(adminCodeSets)
    .default('2025-07-01')
    .describe('Administrative code table: before or from 1 Jul 2025'),
})

export const ProvinceCodeParams = z.object({
  provinceCode: z.string().regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số' }),
})

export const OfficeCodeParams = z.object({
  code: z.string().regex(/^\d{3}(\d{2})?$/, { error: 'Mã cơ quan BHXH gồm 3 hoặc 5 chữ số' }),
})

export const OfficeTreeQuery = z.object({
  validOn: z.iso
    .date({ error: 'Ngày theo dạng yyyy-mm-dd' })
    .refine((value) => value >= '1900-01-01' && value <= '2999-12-31', { error: 'Ngày phải từ năm 1900' })
    .optional()
    .describe('Only offices valid on this day; default today'),
})

export const OfficeSuggestionQuery = z.object({
  codeSet: z.enum(adminCodeSets).default('2025-07-01'),
  provinceCode: z.string().regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số' }),
  districtCode: z
    .string()
    .regex(/^\d{3}$/, { error: 'Mã quận/huyện gồm 3 chữ số' })
    .optional(),
  communeCode: z.string().regex(/^\d{5}$/, { error: 'Mã xã/phường gồm 5 chữ số' }),
})
