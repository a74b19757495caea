import base from './jest.config.js';

/**
 * The browser tests (`npm run test:browser`): the real application with the built web interface
 * (dist/web), driven in Debian's headless Chromium by playwright-core, checked by axe-core. Not part
 * of `npm test`: they need Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and `npm run build`.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/test/browser/**/*.browser.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 180_000,
};
