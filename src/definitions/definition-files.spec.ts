import { validateLoaded } from './definition-files.js';

describe('validateLoaded', () => {
  it('reports workflows whose id and version cannot be printed instead of throwing (found by the R7 fuzz)', async () => {
    const odd = { id: { toString: 1 }, version: { valueOf: {}, toString: {} } };
    const result = await validateLoaded(
      {
        files: [
          { file: 'workflows/a.json', json: odd },
          { file: 'workflows/b.json', json: odd },
        ],
        problems: [],
      },
      { files: [], problems: [] },
    );
    expect(result.workflows).toEqual([]);
    expect(result.problems).toContainEqual({
      file: 'workflows/b.json',
      pointer: '/version',
      message: 'workflow {"toString":1} version {"valueOf":{},"toString":{}} is also defined in workflows/a.json',
      sv: 'arbetsflödet {"toString":1} version {"valueOf":{},"toString":{}} definieras också i workflows/a.json',
    });
  });
});
