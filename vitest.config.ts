import { defineConfig } from 'vitest/config'

// Two projects: unit tests beside the code, property suites in properties/.
// DDSP_PROPERTY_RUNS sets the fast-check run count (small by default; 1000 for deep runs).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'web/**/*.test.ts'] } },
      { extends: true, test: { name: 'properties', include: ['properties/**/*.prop.ts'], setupFiles: ['properties/report.ts'] } },
    ],
  },
})
