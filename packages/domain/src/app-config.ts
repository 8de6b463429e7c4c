/** Settings of the deployment that the apps read at run time (GET /api/v1/app-config), public. */
import { z } from 'zod'
import { EidPublicConfig } from './eid'

/** The base map of the directory look-ups: a Leaflet tile URL template and the credit shown as text. */
export const MapTiles = z.object({
  tileUrl: z.string().describe('Tile URL template with {z}, {x}, {y} (and {s}, {r} when used)'),
  attribution: z.string().describe('Credit to show with the map, plain text'),
})

export const PublicAppConfig = z.object({
  /** Null: no base map; the maps show their markers on a plain background. */
  map: MapTiles.nullable(),
  /**
   * Sign-in with the national e-ID: whether the button is shown. Off when absent, so that an answer
   * from a server older than the e-ID (or a device's cached copy of one) still reads.
   */
  eid: EidPublicConfig.default({ enabled: false }),
})

export type MapTiles = z.infer<typeof MapTiles>
export type PublicAppConfig = z.infer<typeof PublicAppConfig>
