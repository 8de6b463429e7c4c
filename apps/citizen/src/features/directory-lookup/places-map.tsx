import type { GeoPoint, MapTiles } from '@ansinh/domain'
import type * as Leaflet from 'leaflet'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAppConfig } from './app-config'

/** A listed place, as the map needs it (office, facility, collection point): those without coordinates are left off. */
export type MapPlace = {
  code: string
  name: string
  address: string | null
  latitude: number | null
  longitude: number | null
}

type LeafletModule = typeof Leaflet

let leaflet: Promise<LeafletModule> | null = null

/**
 * Leaflet and its stylesheet, downloaded the first time a map opens: neither is part of the app's
 * first download nor of the look-up pages.
 */
function loadLeaflet(): Promise<LeafletModule> {
  leaflet ??= Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')]).then(
    ([module]) => module,
    (error: unknown) => {
      leaflet = null
      throw error
    },
  )
  return leaflet
}

// Wide screens open the map at once; on a phone it waits for "Xem bản đồ" (data and screen space).
const wideScreen = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(min-width: 48em)').matches

/**
 * The listed places as markers on a map, with "you are here" when the search measures from the
 * device's position. The list beside it carries the same facts, so the map is kept out of the screen
 * reader's path and out of the keyboard's; without tiles (none configured, or unreachable) the markers
 * stand on a plain background and a note says the list is complete.
 */
export function PlacesMap({ places, here }: { places: MapPlace[]; here: GeoPoint | null }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(wideScreen)
  const id = useId()
  // The list's own array: a new one only when the list changes, so typing in the form redraws nothing.
  const located = useMemo(
    () => places.filter((place) => place.latitude !== null && place.longitude !== null),
    [places],
  )
  if (located.length === 0) return null
  return (
    <section className="dirlookup-map">
      <button
        type="button"
        className="as-button as-button--secondary"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'directoryLookup.map.hide' : 'directoryLookup.map.show')}
      </button>
      <div id={id} className="dirlookup-map__panel" hidden={!open}>
        {open ? <MapView places={located} here={here} /> : null}
      </div>
    </section>
  )
}

type MapState = 'loading' | 'ready' | 'failed'

function MapView({ places, here }: { places: MapPlace[]; here: GeoPoint | null }) {
  const { t } = useTranslation()
  const config = useAppConfig()
  const tiles = config?.map ?? null
  const element = useRef<HTMLDivElement>(null)
  const [map, setMap] = useState<{ L: LeafletModule; map: Leaflet.Map } | null>(null)
  const [state, setState] = useState<MapState>('loading')
  const [tilesFailed, setTilesFailed] = useState(false)

  // The map itself, once the settings are known (with or without a tile layer).
  useEffect(() => {
    if (config === null) return
    let created: Leaflet.Map | null = null
    let current = true
    loadLeaflet().then(
      (L) => {
        if (!current || !element.current) return
        created = createMap(L, element.current, tiles, () => setTilesFailed(true))
        setMap({ L, map: created })
        setState('ready')
      },
      () => {
        if (current) setState('failed')
      },
    )
    return () => {
      current = false
      created?.remove()
      setMap(null)
    }
  }, [config, tiles])

  // The markers of the listed places, redrawn whenever the list changes ("Tải thêm", a new search).
  useEffect(() => {
    if (!map) return
    const layer = drawPlaces(map.L, map.map, places, here, t('directoryLookup.map.you'))
    return () => {
      layer.remove()
    }
  }, [map, places, here, t])

  const note =
    state === 'failed'
      ? t('directoryLookup.map.failed')
      : config !== null && (!tiles || tilesFailed)
        ? t('directoryLookup.map.noTiles')
        : null
  return (
    <>
      <div className="dirlookup-map__frame" aria-hidden="true">
        <div ref={element} className="dirlookup-map__canvas" />
      </div>
      {state === 'loading' ? <p className="dirlookup-note">{t('directoryLookup.map.loading')}</p> : null}
      {note ? (
        <p className="dirlookup-note dirlookup-map__note" role="status">
          {note}
        </p>
      ) : null}
      {tiles && !tilesFailed && state === 'ready' ? (
        <p className="dirlookup-map__credit">{tiles.attribution}</p>
      ) : null}
    </>
  )
}

function createMap(
  L: LeafletModule,
  container: HTMLElement,
  tiles: MapTiles | null,
  onTilesFailed: () => void,
): Leaflet.Map {
  const map = L.map(container, {
    // Keyboard and screen-reader users have the list; the map must not take their focus.
    keyboard: false,
    // The page scrolls under the wheel; the buttons and pinching zoom.
    scrollWheelZoom: false,
    // The credit is shown below the map as text: Leaflet's control would write it as HTML.
    attributionControl: false,
    zoomSnap: 0.5,
  })
  for (const link of container.querySelectorAll<HTMLElement>('a, button')) link.tabIndex = -1
  if (tiles) {
    // One failed tile is enough to say so: unreachable servers fail every tile.
    L.tileLayer(tiles.tileUrl, { maxZoom: 19 }).once('tileerror', onTilesFailed).addTo(map)
  }
  return map
}

function drawPlaces(
  L: LeafletModule,
  map: Leaflet.Map,
  places: MapPlace[],
  here: GeoPoint | null,
  hereLabel: string,
): Leaflet.LayerGroup {
  const layer = L.featureGroup()
  for (const place of places) {
    if (place.latitude === null || place.longitude === null) continue
    L.circleMarker([place.latitude, place.longitude], {
      className: 'dirlookup-map__place',
      radius: 8,
      weight: 2,
      fillOpacity: 0.85,
    })
      .bindPopup(() => popupContent(place.name, place.address), { closeButton: false })
      .addTo(layer)
  }
  if (here) {
    L.circleMarker([here.latitude, here.longitude], {
      className: 'dirlookup-map__here',
      radius: 7,
      weight: 3,
      fillOpacity: 1,
    })
      .bindPopup(() => popupContent(hereLabel, null), { closeButton: false })
      .addTo(layer)
  }
  layer.addTo(map)
  const bounds = layer.getBounds()
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 })
  return layer
}

/** A popup's text as DOM nodes: names and addresses come from data and are never parsed as HTML. */
function popupContent(name: string, address: string | null): HTMLElement {
  const box = document.createElement('div')
  const title = document.createElement('strong')
  title.textContent = name
  box.append(title)
  if (address) {
    const line = document.createElement('div')
    line.textContent = address
    box.append(line)
  }
  return box
}
