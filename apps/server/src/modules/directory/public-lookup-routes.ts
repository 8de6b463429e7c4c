import {
  CollectionPointListingPage,
  CollectionPointSearchQuery,
  EmployerSearchQuery,
  EmployerUnitPage,
  FacilityListingPage,
  FacilitySearchQuery,
  OfficeListingPage,
  OfficeSearchQuery,
  todayInVietnam,
} from '@ansinh/domain'
import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { errorAnswers } from '../../http/error-answers'
import { findCollectionPoints, findEmployers, findFacilities, findOffices } from './public-lookup-service'

const tags = ['directory']

/**
 * Tra cứu trực tuyến without sign-in: offices, facilities, employer units, collection points.
 * Every route is limited per address; the employer register is the one worth scraping (names,
 * addresses and sizes of every business), so it gets the tight limit of the guessable routes.
 */
export async function registerPublicLookupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>()
  const db = () => app.deps.database.db
  const today = () => todayInVietnam(app.deps.clock())
  const perMinute = (share: number) => ({
    rateLimit: { max: share * app.deps.config.guessableRateLimitPerMinute, timeWindow: '1 minute' },
  })

  api.get(
    '/directory/offices/contacts',
    {
      config: perMinute(6),
      schema: {
        tags,
        summary: 'Tra cứu cơ quan BHXH: offices with address, phone and opening hours, nearest first',
        querystring: OfficeSearchQuery,
        response: { 200: OfficeListingPage, ...errorAnswers(400, 404, 429) },
      },
    },
    async (request) => findOffices(db(), request.query, today()),
  )
  api.get(
    '/directory/facilities',
    {
      config: perMinute(6),
      schema: {
        tags,
        summary: 'Tra cứu CSKCB: medical facilities under a BHYT contract, by province, level, name',
        querystring: FacilitySearchQuery,
        response: { 200: FacilityListingPage, ...errorAnswers(400, 404, 429) },
      },
    },
    async (request) => findFacilities(db(), request.query, today()),
  )
  api.get(
    '/directory/collection-points',
    {
      config: perMinute(6),
      schema: {
        tags,
        summary: 'Tra cứu điểm thu, đại lý thu (voluntary BHXH, household BHYT), nearest first',
        querystring: CollectionPointSearchQuery,
        response: { 200: CollectionPointListingPage, ...errorAnswers(400, 404, 429) },
      },
    },
    async (request) => findCollectionPoints(db(), request.query, today()),
  )
  api.get(
    '/directory/employers',
    {
      config: perMinute(1),
      schema: {
        tags,
        summary: 'Tra cứu đơn vị tham gia BHXH: by unit code, tax code or part of the name',
        querystring: EmployerSearchQuery,
        response: { 200: EmployerUnitPage, ...errorAnswers(400, 429) },
      },
    },
    async (request) => findEmployers(db(), request.query),
  )
}
