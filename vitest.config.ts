import { defineConfig } from 'vitest/config'

// One runner, five projects: pure unit tests (domain, citizen and staff apps), server tests on a real database,
// browser journeys.
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], environment: 'node' },
      },
      {
        // The citizen app's pure modules (no DOM): the card's QR code, read back by a scanner.
        test: { name: 'citizen', include: ['apps/citizen/src/**/*.test.ts'], environment: 'node' },
      },
      {
        // The staff app's pure modules (no DOM): the Markdown toolbar's text edits.
        test: { name: 'staff', include: ['apps/staff/src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
