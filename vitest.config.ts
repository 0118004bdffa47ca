import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// One run, four suites. Browser tests need `vite build` first (npm test does it).
export default defineConfig({
  test: {
    projects: [
      // tests/unit/model, tests/unit/client and tests/unit/server: modules alone, no server or browser.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', setupFiles: ['tests/helpers/matchers.ts', 'tests/helpers/catalogues.ts'] } },
      {
        plugins: [react()],
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/helpers/catalogues.ts', 'tests/helpers/component-setup.ts'],
          // A whole board rendered in jsdom with typed input takes a few seconds on a busy machine.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          exclude: ['tests/server/flow-control.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      // The flood of issue 11 holds /healthz p99 under 100 ms: measured after the other suites, alone.
      {
        test: {
          name: 'flood',
          include: ['tests/server/flow-control.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 20_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
