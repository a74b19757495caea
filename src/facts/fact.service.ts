import { Injectable } from '@nestjs/common';
import type { FactRequest, FactValues } from '../rules/fact-key.js';
import type { GateFacts } from '../cases/gate-facts.js';
import type { FactContext, FactProvider } from './fact-provider.js';
import { CaseFieldsFacts } from './providers/case-fields.facts.js';
import { DecisionsFacts } from './providers/decisions.facts.js';
import { DocumentsFacts } from './providers/documents.facts.js';
import { GoalsFacts } from './providers/goals.facts.js';
import { PartiesFacts } from './providers/parties.facts.js';
import { WorkFacts } from './providers/work.facts.js';

/** Every fact provider. A new provider is added here; a test checks each catalogue fact has one. */
export function allFactProviders(): FactProvider[] {
  return [new CaseFieldsFacts(), new PartiesFacts(), new DecisionsFacts(), new GoalsFacts(), new WorkFacts(), new DocumentsFacts()];
}

/** Computes the facts a gate needs, asking only the providers of those facts (the cases' {@link GateFacts}). */
@Injectable()
export class FactService implements GateFacts {
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
  async compute(ctx: FactContext, requests: readonly FactRequest[]): Promise<FactValues> {
    const wanted = new Map<FactProvider, FactRequest[]>();
    for (const request of requests) {
      const provider = this.byFact.get(request.name);
      if (!provider) throw new Error(`no provider computes the fact "${request.name}"`);
      if (!wanted.has(provider)) wanted.set(provider, []);
      wanted.get(provider)!.push(request);
    }
    const parts: Array<Record<string, unknown>> = await Promise.all([...wanted].map(([provider, list]) => provider.compute(ctx, list)));
    return new Map(parts.flatMap((part) => Object.entries(part)));
  }
}
