// Import boundaries of the layout (README, "Layout"): the platform knows no workflow; a
// workflow's domain imports only its own domain and the platform's; a workflow reaches another
// workflow only through that workflow's workflow.ts. `npm test` runs it (npm run lint:deps).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "platform-knows-no-workflow",
      comment: "src/platform never imports src/workflows: the tables are folded in src/app.ts and handed in.",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { path: "^src/(workflows/|app\\.ts$|main\\.ts$)" },
    },
    {
      name: "workflow-domain-is-pure",
      comment: "A workflow's domain imports only its own domain, the platform's domain and libraries.",
      severity: "error",
      from: { path: "^src/workflows/([^/]+)/domain/" },
      to: { path: "^src/", pathNot: ["^src/workflows/$1/domain/", "^src/platform/domain/"] },
    },
    {
      name: "workflows-meet-through-workflow-ts",
      comment: "A workflow uses another workflow only through that workflow's workflow.ts.",
      severity: "error",
      from: { path: "^src/workflows/([^/]+)/" },
      to: { path: "^src/workflows/([^/]+)/", pathNot: ["^src/workflows/$1/", "^src/workflows/[^/]+/workflow\\.ts$"] },
    },
    {
      name: "no-circular-platform",
      comment: "No runtime import loop inside the platform (a loop of type-only imports is erased at compile time).",
      severity: "error",
      from: { path: "^src/platform/" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
