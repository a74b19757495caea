import type { FactContext, FactProvider } from '../fact-provider.js';

/** Facts from the case's own fields. */
export class CaseFieldsFacts implements FactProvider {
  readonly provides = ['filledFields'] as const;

  async compute({ record }: FactContext): Promise<Record<string, unknown>> {
    const filled = Object.entries(record.fields ?? {})
      .filter(([, value]) => value !== '' && value !== null && value !== undefined)
      .map(([name]) => name)
      .sort();
    return { filledFields: filled };
  }
}
