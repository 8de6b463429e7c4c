import {
  AdminUnitSearchQuery,
  AdminUnitSearchResult,
  CommuneList,
  OfficeSuggestion,
  OfficeTree,
  OfficeView,
  ProvinceList,
  todayInVietnam,
  unitNameKeys,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { notFound } from '../../platform/errors'
import { registerPublicLookupRoutes } from './public-lookup-routes'
import {
  findOffice,
  listCommunes,
  listDistricts,
  listOfficeTree,
  listProvinces,
  type OfficeTreeNode,
  searchAdminUnits,
} from './repo'
import {
  CodeSetQuery,
  OfficeCodeParams,
  OfficeSuggestionQuery,
  OfficeTreeQuery,
  ProvinceCodeParams,
} from './schemas'
import { officeWithParent, suggestOffice } from './service'

const tags = ['directory']

type OfficeNodeView = { code: string; name: string; kind: OfficeTreeNode['kind']; children: OfficeNodeView[] }

function presentTree(nodes: OfficeTreeNode[]): OfficeNodeView[] {
  return nodes.map(({ code, name, kind, children }) => ({
    code,
    name,
    kind,
    children: presentTree(children),
  }))
}

/** Public reference data the forms need: administrative units and the BHXH office tree. */
export async function registerDirectoryRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = () => app.deps.database.db
  await registerPublicLookupRoutes(app)

  api.get(
    '/directory/provinces',
    {
      schema: {
        tags,
        summary: 'Provinces (tỉnh/thành phố)',
        querystring: CodeSetQuery,
        response: { 200: ProvinceList },
      },
    },
    async (request) => ({ items: await listProvinces(db(), request.query.codeSet) }),
  )
  api.get(
    '/directory/provinces/:provinceCode/communes',
    {
      schema: {
        tags,
        summary: 'Communes (xã/phường) of a province',
        params: ProvinceCodeParams,
        querystring: CodeSetQuery,
        response: { 200: CommuneList },
      },
    },
    async (request) => {
      const items = await listCommunes(db(), request.query.codeSet, request.params.provinceCode)
      if (items.length === 0) throw notFound('province')
      return { items }
    },
  )
  api.get(
    '/directory/admin-units',
    {
      schema: {
        tags,
        summary: 'Search provinces or communes by an old or a new name (tên trước hoặc sau sáp nhập 2025)',
        querystring: AdminUnitSearchQuery,
        response: { 200: AdminUnitSearchResult },
      },
    },
    async (request) => {
      const { q, ...search } = request.query
      return { items: await searchAdminUnits(db(), { ...search, keys: unitNameKeys(q) }) }
    },
  )
  api.get(
    '/directory/provinces/:provinceCode/districts',
    {
      schema: {
        tags,
        summary: 'Districts (quận/huyện) of a province, before 1 Jul 2025 only',
        params: ProvinceCodeParams,
        response: { 200: ProvinceList },
      },
    },
    async (request) => {
      const items = await listDistricts(db(), request.params.provinceCode)
      if (items.length === 0) throw notFound('province')
      return { items }
    },
  )
  api.get(
    '/directory/offices/suggest',
    {
      schema: {
        tags,
        summary: 'The BHXH office that serves an address (suggested receiving office)',
        querystring: OfficeSuggestionQuery,
        response: { 200: OfficeSuggestion },
      },
    },
    async (request) => {
      const office = await suggestOffice(db(), request.query, todayInVietnam(app.deps.clock()))
      return { office: office && (await officeWithParent(db(), office.code)) }
    },
  )
  api.get(
    '/directory/offices',
    {
      schema: {
        tags,
        summary: 'BHXH office tree (cơ quan BHXH)',
        querystring: OfficeTreeQuery,
        response: { 200: OfficeTree },
      },
    },
    async (request) => {
      const validOn = request.query.validOn ?? todayInVietnam(app.deps.clock())
      return { items: presentTree(await listOfficeTree(db(), { validOn })) }
    },
  )
  api.get(
    '/directory/offices/:code',
    { schema: { tags, summary: 'One BHXH office', params: OfficeCodeParams, response: { 200: OfficeView } } },
    async (request) => {
      const office = await findOffice(db(), request.params.code)
      if (!office) throw notFound('office')
      return office
    },
  )
}
