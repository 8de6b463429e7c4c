#!/usr/bin/env node
// Draws the app icons (PNG) and favicons (SVG) from src/brand/brand-geometry.json, the one source of
// the An Sinh mark. No dependencies: a tiny path flattener, a supersampling rasteriser and a PNG
// writer on node:zlib. Run after changing the geometry: `node packages/ui/scripts/make-brand-assets.mjs`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../../..')
const geometry = JSON.parse(readFileSync(path.join(here, '../src/brand/brand-geometry.json'), 'utf8'))

/** Parses the absolute commands M, L, H, V, C, Z into closed polygons (curves flattened). */
function flattenPath(d) {
  const tokens = d.match(/[MLHVCZ]|-?\d*\.?\d+/g) ?? []
  const polygons = []
  let current = []
  let x = 0
  let y = 0
  let i = 0
  const num = () => Number(tokens[i++])
  while (i < tokens.length) {
    const command = tokens[i++]
    if (command === 'M') {
      if (current.length) polygons.push(current)
      x = num()
      y = num()
      current = [[x, y]]
    } else if (command === 'L') {
      x = num()
      y = num()
      current.push([x, y])
    } else if (command === 'H') {
      x = num()
      current.push([x, y])
    } else if (command === 'V') {
      y = num()
      current.push([x, y])
    } else if (command === 'C') {
      const [x1, y1, x2, y2, x3, y3] = [num(), num(), num(), num(), num(), num()]
      for (let step = 1; step <= 24; step++) {
        const t = step / 24
        const u = 1 - t
        current.push([
          u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
          u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
        ])
      }
      x = x3
      y = y3
    } else if (command === 'Z') {
      if (current.length) polygons.push(current)
      current = []
    } else {
      throw new Error(`unsupported path command ${command}`)
    }
  }
  if (current.length) polygons.push(current)
  return polygons
}

/** x positions where a horizontal line at `py` crosses the polygons' edges, sorted (even-odd fill). */
function crossings(polygons, py) {
  const xs = []
  for (const polygon of polygons) {
    for (let a = 0, b = polygon.length - 1; a < polygon.length; b = a++) {
      const [xa, ya] = polygon[a]
      const [xb, yb] = polygon[b]
      if (ya > py !== yb > py) xs.push(((xb - xa) * (py - ya)) / (yb - ya) + xa)
    }
  }
  return xs.sort((m, n) => m - n)
}

function insideSpans(xs, px) {
  let count = 0
  while (count < xs.length && xs[count] < px) count++
  return count % 2 === 1
}

function insideRoundedRect(size, radius, px, py) {
  const cx = Math.min(Math.max(px, radius), size - radius)
  const cy = Math.min(Math.max(py, radius), size - radius)
  return px >= 0 && py >= 0 && px <= size && py <= size && (px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2
}

const hex = (color) => [1, 3, 5].map((start) => Number.parseInt(color.slice(start, start + 2), 16))

/**
 * Renders the mark at `size` pixels. `fullBleed` fills the square (maskable and Apple icons, whose
 * platform applies its own mask); `scale` shrinks the shield and heart around the centre so that they
 * stay inside a mask's safe zone.
 */
function render(size, { fullBleed, scale }) {
  const box = geometry.viewBox
  const layers = [
    { color: hex(geometry.shield.color), polygons: flattenPath(geometry.shield.d) },
    { color: hex(geometry.heart.color), polygons: flattenPath(geometry.heart.d) },
  ].map(({ color, polygons }) => {
    // Crossings depend on the sample row only: compute each row once.
    const cache = new Map()
    const rows = (y) => {
      let xs = cache.get(y)
      if (!xs) {
        xs = crossings(polygons, y)
        cache.set(y, xs)
      }
      return xs
    }
    return { color, rows }
  })
  const background = hex(geometry.background.color)
  const samples = 4
  const pixels = new Uint8Array(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          // Sample point in viewBox units.
          const vx = ((px + (sx + 0.5) / samples) / size) * box
          const vy = ((py + (sy + 0.5) / samples) / size) * box
          const covered = fullBleed || insideRoundedRect(box, geometry.background.radius, vx, vy)
          if (!covered) continue
          let color = background
          const gx = (vx - box / 2) / scale + box / 2
          const gy = (vy - box / 2) / scale + box / 2
          for (const layer of layers) if (insideSpans(layer.rows(gy), gx)) color = layer.color
          r += color[0]
          g += color[1]
          b += color[2]
          a += 1
        }
      }
      const offset = (py * size + px) * 4
      if (a > 0) {
        // Colours averaged over covered samples only (straight alpha), coverage in alpha.
        pixels[offset] = Math.round(r / a)
        pixels[offset + 1] = Math.round(g / a)
        pixels[offset + 2] = Math.round(b / a)
      }
      pixels[offset + 3] = Math.round((a / (samples * samples)) * 255)
    }
  }
  return encodePng(size, size, pixels)
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    rows[y * (width * 4 + 1)] = 0 // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(rows, y * (width * 4 + 1) + 1)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function svg() {
  const { viewBox, background, shield, heart } = geometry
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${viewBox} ${viewBox}" role="img">
  <title>BHXH số</title>
  <rect width="${viewBox}" height="${viewBox}" rx="${background.radius}" fill="${background.color}"/>
  <path d="${shield.d}" fill="${shield.color}"/>
  <path d="${heart.d}" fill="${heart.color}"/>
</svg>
`
}

const outputs = [
  ['apps/citizen/public/icons/icon-192.png', () => render(192, { fullBleed: false, scale: 1 })],
  ['apps/citizen/public/icons/icon-512.png', () => render(512, { fullBleed: false, scale: 1 })],
  ['apps/citizen/public/icons/icon-maskable-512.png', () => render(512, { fullBleed: true, scale: 0.72 })],
  ['apps/citizen/public/icons/apple-touch-icon.png', () => render(180, { fullBleed: true, scale: 0.86 })],
  ['apps/citizen/public/icons/icon.svg', svg],
  ['apps/staff/public/favicon.svg', svg],
]

for (const [file, make] of outputs) {
  const target = path.join(repoRoot, file)
  mkdirSync(path.dirname(target), { recursive: true })
  writeFileSync(target, make())
  console.log(`wrote ${file}`)
}
