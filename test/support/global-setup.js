// Says which database the tests run against, once per run (docs/getting-started.md promises it).
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const { hostname, port } = new URL(url);
    console.log(`\nTests use PostgreSQL at ${hostname}:${port || 5432} (DATABASE_URL); each test file gets a database of its own.\n`);
  } else {
    console.log('\nTests use the embedded PostgreSQL (PGlite, in memory): DATABASE_URL is not set.\n');
  }
}
