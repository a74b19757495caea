import { FACT_CATALOGUE } from '../rules/fact-catalogue.js';
import { allFactProviders } from './fact.service.js';

describe('fact providers', () => {
  it('compute every fact of the catalogue, each exactly once, and nothing else', () => {
    const provided = allFactProviders().flatMap((p) => [...p.provides]);
    expect([...provided].sort()).toEqual(Object.keys(FACT_CATALOGUE).sort());
    expect(new Set(provided).size).toBe(provided.length);
  });
});
