import base from './jest.config.js';

/**
 * The reliability suite (`npm run test:reliability`): races, idempotency, crashes, database loss,
 * generated bad definitions and requests, history replay. Not part of `npm test`: it needs a
 * PostgreSQL server (DATABASE_URL) and the built service (`dist/`), and loads the machine, so its
 * files run one at a time. Each test prints a one-line figure (`R3: … acknowledged, 0 lost, …`).
 */
export default {
  ...base,
  testMatch: ['<rootDir>/test/reliability/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  globalSetup: '<rootDir>/test/reliability/global-setup.js',
  maxWorkers: 1,
  testTimeout: 600_000,
};
