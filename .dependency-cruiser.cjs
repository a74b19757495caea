// The layers of src/ (docs/architecture.md, "The layers"), checked by
// `npm run check:deps` in CI. Imports point down: a folder may import from the layers below it,
// and within its own layer only from the folders listed before it, so no two folders can import
// each other (directly or round a ring). There is no baseline of known violations: any cycle or
// upward import fails. Where a lower layer needs an answer from above, it declares a port
// (docs/architecture.md, "The layers").
// (CommonJS because dependency-cruiser reads its configuration with require(); the project is ESM.)

/**
 * The layers, lowest first. Each layer is a list of folders (a name and a regular expression on
 * the path from the repository root), also lowest first: within a layer a folder may import from
 * the folders listed before it, never from those after it. That order is what keeps a layer
 * free of cycles between its folders (dependency-cruiser's folder-scope cycle rule cannot be
 * baselined in 18.x, so the one allowed direction is written down instead).
 */
const LAYERS = [
  {
    name: 'base',
    folders: [
      { name: 'common', path: '^src/common/' },
      // the settings read once from the environment sit low; the list of all entities sits at the top
      { name: 'settings', path: '^src/config/' },
      { name: 'calendar', path: '^src/calendar/' },
    ],
  },
  {
    name: 'definitions',
    folders: [
      { name: 'rules', path: '^src/rules/' },
      { name: 'definitions', path: '^src/definitions/' },
    ],
  },
  {
    name: 'registry',
    folders: [
      { name: 'registry', path: '^src/registry/' },
      { name: 'access', path: '^src/access/' },
    ],
  },
  {
    name: 'cases',
    folders: [
      // deadlines: when each stay in a step is due (the entity, the plan, the reads); escalations react to them above
      { name: 'deadlines', path: '^src/deadlines/' },
      { name: 'audit', path: '^src/audit/' },
      { name: 'cases', path: '^src/cases/' },
    ],
  },
  {
    name: 'work',
    folders: [
      { name: 'governance', path: '^src/governance/' },
      { name: 'facts', path: '^src/facts/' },
      { name: 'notifications', path: '^src/notifications/' },
      { name: 'escalations', path: '^src/escalations/' },
    ],
  },
  { name: 'api', folders: [{ name: 'api', path: '^src/api/' }] },
  {
    // the top wires everything: start-up, the module, the list of all entities, the command line
    name: 'app',
    folders: [
      {
        name: 'app',
        path: '^src/(main|app|app\\.module)\\.ts$|^src/(cli|demo)/|^src/database/',
      },
    ],
  },
];

const anyOf = (folders) => folders.map((folder) => `(${folder.path})`).join('|');

const layerRules = LAYERS.flatMap((layer, layerIndex) => {
  const above = LAYERS.slice(layerIndex + 1);
  return layer.folders.flatMap((folder, folderIndex) => {
    const sidewaysAbove = layer.folders.slice(folderIndex + 1);
    const rules = [];
    if (above.length > 0) {
      rules.push({
        name: `${folder.name}-imports-upward`,
        severity: 'error',
        comment: `${folder.name} (layer ${layer.name}) may not import from the layers above it: ${above.map((l) => l.name).join(', ')}`,
        from: { path: folder.path },
        to: { path: anyOf(above.flatMap((l) => l.folders)) },
      });
    }
    if (sidewaysAbove.length > 0) {
      rules.push({
        name: `${folder.name}-imports-sideways`,
        severity: 'error',
        comment: `${folder.name} may not import from ${sidewaysAbove.map((f) => f.name).join(', ')} (same layer, the other direction is the allowed one)`,
        from: { path: folder.path },
        to: { path: anyOf(sidewaysAbove) },
      });
    }
    return rules;
  });
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-file-in-a-layer',
      severity: 'error',
      comment: 'every file under src/ belongs to a layer: add a new folder to LAYERS in .dependency-cruiser.cjs',
      from: { path: '^src/', pathNot: anyOf(LAYERS.flatMap((layer) => layer.folders)) },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
