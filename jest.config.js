/**
 * Three projects: unit (*.spec.ts), int (*.int-spec.ts: real stores, child processes, containers where a
 * runtime exists) and e2e (*.e2e-spec.ts: the HTTP API). `npm test` runs all three.
 * Type checking is `npm run typecheck`/`npm run build`; tests only transpile, which keeps them fast.
 */
const transform = { '^.+\\.ts$': 'ts-jest' };
const project = (displayName, testMatch) => ({
  displayName,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  rootDir: __dirname,
});

module.exports = {
  projects: [
    project('unit', ['<rootDir>/test/**/*.spec.ts']),
    project('int', ['<rootDir>/test/**/*.int-spec.ts']),
    project('e2e', ['<rootDir>/test/**/*.e2e-spec.ts']),
  ],
  testTimeout: 30000,
  // One worker per core: jest's default leaves one core idle, and many suites wait on child processes
  // (the CLI tests) or on SQLite's fsync rather than on the CPU.
  maxWorkers: '100%',
};
