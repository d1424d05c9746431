/** One jest run for every TypeScript suite: shared logic, server units and the cross-system API tests. */
const tsJest = [
  'ts-jest',
  { tsconfig: '<rootDir>/test/tsconfig.json', isolatedModules: true, diagnostics: false },
];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': tsJest },
  moduleNameMapper: { '^@liftoff/shared$': '<rootDir>/shared/src/index.ts' },
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.spec.ts'] },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/server/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.spec.ts'],
      testTimeout: 60000,
    },
  ],
};
