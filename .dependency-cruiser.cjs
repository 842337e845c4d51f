// Layer rules (issue 12, docs/architecture.md "Layers"), checked by `npm run lint`:
//   core     pure domain logic: imports nothing of the app (no db, http, domains, server …)
//   db       database access and migrations: imports core only
//   http     what routes are built from (defineRoute, AppEnv, problem+json): core and db only
//   domains  core, db, http, and other domains through their *.service.ts only
//   server   the app assembly: imported by nothing but the CLI, benches and test support
// Tests and test support (src/testing, *.test.ts) may reach anywhere: they are not layers.
// The code has no violation (the 22 that predated the rules are gone): `npm run lint` fails on any.

const TESTS = '(\\.(test|replica)\\.ts$|^src/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core holds pure domain logic; it must not import the app around it.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TESTS },
      to: { path: '^src/(db|http|domains|server|cli|demo|testing|fault)/' },
    },
    {
      name: 'db-imports-core-only',
      comment: 'src/db may use core (errors, types) but nothing above it.',
      severity: 'error',
      from: { path: '^src/db/', pathNot: TESTS },
      to: { path: '^src/(http|domains|server|cli|demo|testing|fault)/' },
    },
    {
      name: 'http-below-domains',
      comment: 'src/http is what routes are built from; it must not know the domains or the app.',
      severity: 'error',
      from: { path: '^src/http/', pathNot: TESTS },
      to: { path: '^src/(domains|server|cli|demo|testing|fault)/' },
    },
    {
      name: 'domains-not-above',
      comment: 'A domain imports core, db, http and other domains, never the app assembly or CLI.',
      severity: 'error',
      from: { path: '^src/domains/', pathNot: TESTS },
      to: { path: '^src/(server|cli|demo|testing|fault)/' },
    },
    {
      name: 'other-domains-through-services',
      comment:
        'A domain reaches another domain only through its *.service.ts (not its repository, policy or routes).',
      severity: 'error',
      from: { path: '^src/domains/([^/]+)/', pathNot: TESTS },
      to: {
        path: '^src/domains/([^/]+)/',
        pathNot: ['^src/domains/$1/', '\\.service\\.ts$'],
      },
    },
    {
      name: 'server-is-the-top',
      comment:
        'Nothing imports src/server but the CLI, benches, the fault harness and test support.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/(server|cli|fault|testing)/', TESTS] },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-circular-domains',
      comment:
        'Domains import each other one way (the appeals <-> org and appeals <-> calendar cycles are gone).',
      severity: 'error',
      from: { path: '^src/domains/', pathNot: TESTS },
      to: { circular: true, path: '^src/domains/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^node_modules|^web/|^dist/|\\.d\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: false,
  },
};
