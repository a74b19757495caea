import { readFileSync } from 'node:fs';
import { schemaFiles } from './write-schemas.js';

describe('schemas/*.json', () => {
  it('are the schemas the validator uses (run `npm run schemas` after changing them)', () => {
    for (const [file, text] of Object.entries(schemaFiles())) {
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});
