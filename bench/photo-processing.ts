/**
 * Time to check and re-encode one registration photo (`processPhoto`): a 12-megapixel JPEG, noisy
 * (the encoder's worst case) and blurred (closer to a phone camera). Prints figures only.
 *
 *   npm run bench:photos -- --rounds 5
 */
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { processPhoto } from '../apps/server/src/modules/registration/photos'

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } })
const rounds = Number(values.rounds)

function noisy(width: number, height: number) {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
}

const inputs = {
  noisy: await noisy(4000, 3000).jpeg({ quality: 92 }).toBuffer(),
  'photo-like': await noisy(4000, 3000).blur(6).jpeg({ quality: 92 }).toBuffer(),
}
for (const [name, input] of Object.entries(inputs)) {
  await processPhoto(input) // warm-up
  const times: number[] = []
  for (let round = 0; round < rounds; round++) {
    const started = performance.now()
    await processPhoto(input)
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? 0
  console.log(
    `processPhoto, 4000×3000 ${name} JPEG of ${(input.length / 1e6).toFixed(1)} MB: median ${median.toFixed(0)} ms ` +
      `(min ${times[0]?.toFixed(0)}, max ${times.at(-1)?.toFixed(0)}), ${rounds} runs`,
  )
}
