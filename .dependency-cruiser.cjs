/**
 * The hexagon's layer rules (CONVENTIONS.md), checked by `npm run lint`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports nothing outside itself (node builtins allowed)',
      severity: 'error',
      from: { path: '^service/src/domain/' },
      to: { pathNot: ['^service/src/domain/', '^node:'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'ports-know-only-domain',
      severity: 'error',
      from: { path: '^service/src/ports/' },
      to: { pathNot: ['^service/src/domain/', '^service/src/ports/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'app-uses-domain-and-ports',
      comment: 'app/ only imports domain/ and ports/ (and itself)',
      severity: 'error',
      from: { path: '^service/src/app/', pathNot: '\\.test\\.ts$' },
      to: { pathNot: ['^service/src/(domain|ports|app)/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'observability-knows-only-ports',
      comment: 'observability/ (metrics and span helpers) imports domain/ and ports/ only',
      severity: 'error',
      from: { path: '^service/src/observability/' },
      to: { path: '^service/src/(app|adapters|http|grpc)/' },
    },
    {
      name: 'adapters-stay-out-of-delivery',
      comment: 'adapters never import app/, http/, grpc/',
      severity: 'error',
      from: { path: '^service/src/adapters/' },
      to: { path: '^service/src/(app|http|grpc)/' },
    },
    {
      name: 'adapters-are-independent',
      comment: 'an adapter family never imports another',
      severity: 'error',
      from: { path: '^service/src/adapters/([^/]+)/' },
      to: { path: '^service/src/adapters/', pathNot: '^service/src/adapters/$1/' },
    },
    {
      name: 'delivery-never-imports-adapters',
      severity: 'error',
      from: { path: '^service/src/(http|grpc)/' },
      to: { path: '^service/src/adapters/' },
    },
    {
      name: 'only-compose-knows-adapters',
      severity: 'error',
      from: {
        path: '^service/src/',
        pathNot: ['^service/src/adapters/', '^service/src/compose\\.ts$', '\\.test\\.ts$'],
      },
      to: { path: '^service/src/adapters/' },
    },
    {
      name: 'config-read-only-in-config',
      comment: 'process.env is read in config.ts (checked by a test); nothing but main imports config loading',
      severity: 'error',
      from: { path: '^service/src/(domain|ports|app|adapters)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^service/src/config\\.ts$' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|gen)/' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
