// The layers of src/, checked by `npm run layers` (part of `npm test`). Each
// layer imports only the layers below it; type imports count as imports.
//
//   edge       src/index.ts, src/edge/, src/cli/   runtime objects, routing, wiring
//   pipelines  src/inbound/, src/digest/, src/actions/   never each other
//   domain     src/domain/                          rules, Deps, jobs, config, outbox
//   storage    src/db/, src/mail/                   drizzle; MIME and mail libraries; never each other
//   ground     src/lib/, src/model.ts, src/shims/   model.ts imports nothing of ours
const EDGE = "^src/(index\\.ts|edge/|cli/)";
const PIPELINES = "^src/(inbound|digest|actions)/";
const DOMAIN = "^src/domain/";
const STORAGE = "^src/(db|mail)/";
const GROUND = "^src/(lib/|model\\.ts|shims/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-cycle", severity: "error", comment: "Imports never close a circle, at any distance.", from: {}, to: { circular: true } },
    {
      name: "edge-is-top",
      severity: "error",
      comment: "Only the edge sees runtime objects and wires the pipelines; nothing imports it.",
      from: { pathNot: EDGE },
      to: { path: EDGE },
    },
    {
      name: "pipelines-apart",
      severity: "error",
      comment: "inbound, digest and actions share only what lies below them.",
      from: { path: "^src/(inbound|digest|actions)/" },
      to: { path: PIPELINES, pathNot: "^src/$1/" },
    },
    {
      name: "domain-below-pipelines",
      severity: "error",
      comment: "Shared rules never reach up into a pipeline.",
      from: { path: DOMAIN },
      to: { path: PIPELINES },
    },
    {
      name: "storage-below-domain",
      severity: "error",
      comment: "db and mail know nothing of pipelines or rules.",
      from: { path: STORAGE },
      to: { path: [PIPELINES, DOMAIN] },
    },
    {
      name: "storage-apart",
      severity: "error",
      comment: "db and mail never import each other; the domain's outbox joins them.",
      from: { path: "^src/(db|mail)/" },
      to: { path: STORAGE, pathNot: "^src/$1/" },
    },
    {
      name: "ground-is-ground",
      severity: "error",
      comment: "lib and the model import only the ground.",
      from: { path: GROUND },
      to: { path: "^src/", pathNot: GROUND },
    },
    {
      name: "model-is-a-leaf",
      severity: "error",
      comment: "Tend's own types depend on nothing of Tend's.",
      from: { path: "^src/model\\.ts$" },
      to: { path: "^src/", pathNot: "^src/model\\.ts$" },
    },
    {
      name: "resolvable",
      severity: "error",
      comment: "An import that resolves to nothing hides a dependency from every other rule.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^cloudflare:" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // TypeScript 7 has no compiler API yet; swc reads the sources, type imports included.
    parser: "swc",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js", ".d.ts"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
