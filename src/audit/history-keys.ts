import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import type { SigningKeys } from './history-signing.js';

/** Nest injection token for the {@link HistorySigner}. */
export const HISTORY_SIGNER = Symbol('HistorySigner');

/** Where a development key is kept, in DATA_DIR. */
export const DEVELOPMENT_KEY_FILE = 'history-signing.key';

/**
 * The keys that sign the history: from the configuration (`HISTORY_SIGNING_KEY`, required in
 * production), or outside production a development key kept in the data folder, made at the first
 * start, so the same data verifies after a restart. A development key lies next to the database:
 * it proves nothing against someone who can read that folder.
 */
export function loadSigningKeys(config: AppConfig, logger: Pick<Logger, 'warn'>): SigningKeys {
  if (config.historySigning) return config.historySigning;
  if (config.production) throw new Error('HISTORY_SIGNING_KEY must be set in production'); // loadConfig refuses this already
  const file = join(config.dataDir, DEVELOPMENT_KEY_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(file, `dev-${randomBytes(4).toString('hex')}:${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // kept from an earlier start
  }
  const [id, secret] = readFileSync(file, 'utf8').trim().split(/:(.*)/s);
  if (!id || !secret)
    throw new Error(`${file} is not a history signing key ("<key id>:<secret>"); remove it to make a new one (the history it signed will then not verify)`);
  logger.warn(`the history is signed with a development key kept in ${file}; set HISTORY_SIGNING_KEY in production (docs/access-and-security.md)`);
  return { current: { id, secret }, old: [] };
}
