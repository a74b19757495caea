import { Injectable } from '@nestjs/common';
import type { FactContext, FactProvider } from './fact-provider.js';
import { CaseFieldsFacts } from './providers/case-fields.facts.js';

/** Every fact provider. A new provider is added here; a test checks each catalogue fact has one. */
export function allFactProviders(): FactProvider[] {
  return [new CaseFieldsFacts()];
}

/** Computes the facts a gate needs, asking only the providers of those facts. */
@Injectable()
export class FactService {
  private readonly byFact = new Map<string, FactProvider>();

  constructor() {
    for (const provider of allFactProviders()) {
      for (const fact of provider.provides) this.byFact.set(fact, provider);
    }
  }

  /**
   * @throws Error when a fact has no provider: a bug, since validation only admits catalogue facts
   *         and a unit test checks that every catalogue fact has a provider.
   */
  async compute(ctx: FactContext, names: Iterable<string>): Promise<Record<string, unknown>> {
    const wanted = new Map<FactProvider, Set<string>>();
    for (const name of names) {
      const provider = this.byFact.get(name);
      if (!provider) throw new Error(`no provider computes the fact "${name}"`);
      if (!wanted.has(provider)) wanted.set(provider, new Set());
      wanted.get(provider)!.add(name);
    }
    const parts = await Promise.all([...wanted].map(([provider, set]) => provider.compute(ctx, set)));
    return Object.assign({}, ...parts);
  }
}
