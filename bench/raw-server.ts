import { createServer } from 'node:http';
import pg from 'pg';
import { RawWriter, toggle } from './lib/raw-sql.js';

/**
 * The raw limit for B2: the smallest HTTP service that makes the same writes as a command, with
 * `node:http` and `pg` only (no framework, no validation, no ORM, no rules). It runs as a process of
 * its own, as the service does, and is loaded by the same autocannon runs.
 *
 * `POST /cases/:id/events` → one raw transaction ({@link RawWriter.transition}) → `{id, version}`;
 * `GET /health` → 200. Env: DATABASE_URL, PORT, DB_POOL_SIZE.
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
pool.on('error', () => {}); // a lost idle connection must not end the process
const raw = new RawWriter(pool);
const EVENT_PATH = /^\/cases\/([0-9a-f-]{36})\/events$/;

createServer((req, res) => {
  const answer = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/health') return answer(200, { status: 'ok' });
  const match = req.method === 'POST' ? EVENT_PATH.exec(req.url ?? '') : null;
  if (!match) return answer(404, { status: 404 });
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let type: unknown;
    try {
      type = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type?: unknown }).type;
    } catch {
      return answer(400, { status: 400 });
    }
    if (typeof type !== 'string') return answer(400, { status: 400 });
    raw.transition(match[1]!, type, toggle).then(
      (version) => answer(200, { id: match[1], version }),
      (error: unknown) => answer(500, { status: 500, message: String(error) }),
    );
  });
}).listen(Number(process.env.PORT ?? 3001), '127.0.0.1');
