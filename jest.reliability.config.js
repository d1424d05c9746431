/**
 * The reliability suites (test/reliability): hostile input, load, database restarts and crashes.
 * Slower than `npm test` and run after it by CI (`npm run test:reliability`), one suite at a time so
 * their load and timing figures do not disturb each other. They need DATABASE_URL (a real PostgreSQL).
 */
module.exports = {
  rootDir: __dirname,
  displayName: 'reliability',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json', diagnostics: false }] },
  moduleNameMapper: { '^@liftoff/shared$': '<rootDir>/shared/src/index.ts' },
  testMatch: ['<rootDir>/test/reliability/**/*.rel.spec.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
