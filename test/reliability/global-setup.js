import { existsSync } from 'node:fs';

// The reliability suite runs against a PostgreSQL server and starts the built service as a process.
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'npm run test:reliability needs a PostgreSQL server: set DATABASE_URL (each test file creates and drops a database samverkan_test_<random> there)',
    );
  }
  if (!existsSync('dist/src/main.js')) throw new Error('dist/src/main.js is missing: npm run test:reliability builds it first');
  const { hostname, port } = new URL(url);
  console.log(`\nReliability tests use PostgreSQL at ${hostname}:${port || 5432}; the crash and database tests run the built service (dist/) as a process.\n`);
}
