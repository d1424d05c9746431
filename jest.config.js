/** One jest run for every TypeScript suite: shared logic, server units and the cross-system API tests. */
const tsJest = [
  'ts-jest',
  { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: { '^@liftoff/shared$': '<rootDir>/shared/src/index.ts' },
  rootDir: __dirname,
};

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // The embedded fallback is a single database: suites take turns on it.
  testTimeout: 60000,
  maxWorkers: process.env.DATABASE_URL ? '50%' : 1,
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.spec.ts'] },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/server/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.spec.ts', '<rootDir>/test/e2e/**/*.spec.ts'],
    },
  ],
};
