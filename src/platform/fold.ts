// Folds the platform's own parts and every workflow's declarations into one set of tables, the
// ones the bot, the reminders, the import, the HTTP server and the recognizer read. Done once by
// the composition root (src/app.ts). Where two declare the same verb, intent, reminder kind,
// import section, reference or namespace, the fold refuses to start instead of letting the last
// one silently win; a name outside its workflow's namespaces is refused the same way.
import type { z } from "zod";
import type { CardAction } from "./bot/actions/types";
import type { IntentHandler } from "./bot/intents/types";
import type { ReferencePattern } from "./conversation/references";
import type { Entities, IntentName } from "./conversation/recognizer";
import type { RouteRegistrar } from "./http/server";
import type { ImportFileReader } from "./import/file-reader";
import type { ImportSection } from "./import/section";
import type { Translator } from "./i18n/translator";
import type { DeadlineSource } from "./reminders/due-item";
import type { EventCatalog } from "./events/define-event";
import type { ApiOperation } from "./http/openapi";
import type { ImportSectionDeclaration, WelcomeAction, Workflow, WorkflowJob } from "./workflow";

/** What the platform adds itself, under the same rules as a workflow but with no namespace. */
export interface PlatformParts {
  /** Prefixes the platform's own verbs, intents and catalog keys use; no workflow may take them. */
  namespaces: readonly string[];
  actions: Readonly<Record<string, CardAction>>;
  intents: Readonly<Record<IntentName, IntentHandler>>;
  importSections: readonly ImportSectionDeclaration[];
  refusals: readonly string[];
  /** Intents help lists after the workflows' (deadlines, reminders). */
  helpIntents: readonly IntentName[];
  /** Buttons on the welcome card after the workflows' ("What needs me?"). */
  welcomeActions: readonly WelcomeAction[];
}

export interface PlatformTables {
  workflows: readonly Workflow[];
  actions: ReadonlyMap<string, CardAction>;
  intents: ReadonlyMap<IntentName, IntentHandler>;
  references: readonly ReferencePattern[];
  deadlineSources: readonly DeadlineSource[];
  /** Import sections in the order they are applied: each after those it relies on. */
  importSections: readonly { name: string; section: ImportSection }[];
  /** Readers of import files other than JSON, by file name ending (".csv"). */
  importFiles: ReadonlyMap<string, ImportFileReader>;
  routes: readonly RouteRegistrar[];
  apiOperations: readonly ApiOperation[];
  events: EventCatalog;
  /** Every workflow's periodic jobs, run on the scheduler's tick. */
  jobs: readonly WorkflowJob[];
  refusals: ReadonlySet<string>;
  settings: z.ZodRawShape;
  helpIntents: readonly IntentName[];
  welcomeExamples: readonly string[];
  welcomeActions: readonly WelcomeAction[];
  /** Folders holding cards/, messages/ and intents/ data files, one per workflow. */
  folders: readonly URL[];
  suggest(t: Translator, intent: IntentName, entities: Entities): string | undefined;
}

export class FoldError extends Error {}

function claim(seen: Map<string, string>, what: string, name: string, owner: string): void {
  const first = seen.get(name);
  if (first !== undefined) throw new FoldError(`${what} "${name}" is declared by both ${first} and ${owner}`);
  seen.set(name, owner);
}

function inNamespace(workflow: Workflow, what: string, name: string): void {
  if (!workflow.namespaces.some((namespace) => name === namespace || name.startsWith(`${namespace}.`))) {
    throw new FoldError(`${what} "${name}" of workflow ${workflow.name} is outside its namespaces (${workflow.namespaces.join(", ")})`);
  }
}

export function foldWorkflows(platform: PlatformParts, workflows: readonly Workflow[]): PlatformTables {
  const owners = {
    verb: new Map<string, string>(),
    intent: new Map<string, string>(),
    kind: new Map<string, string>(),
    section: new Map<string, string>(),
    namespace: new Map<string, string>(),
    reference: new Map<string, string>(),
    workflow: new Map<string, string>(),
    setting: new Map<string, string>(),
    event: new Map<string, string>(),
    // The JSON import file is the platform's own.
    fileType: new Map<string, string>([[".json", "the platform"]]),

    job: new Map<string, string>(),
  };
  const importFiles = new Map<string, ImportFileReader>();
  const actions = new Map<string, CardAction>();
  const intents = new Map<IntentName, IntentHandler>();
  const sections: ImportSectionDeclaration[] = [];
  for (const [verb, action] of Object.entries(platform.actions)) {
    claim(owners.verb, "card verb", verb, "the platform");
    actions.set(verb, action);
  }
  for (const [intent, handler] of Object.entries(platform.intents)) {
    claim(owners.intent, "intent", intent, "the platform");
    intents.set(intent, handler);
  }
  for (const declaration of platform.importSections) {
    claim(owners.section, "import section", declaration.name, "the platform");
    sections.push(declaration);
  }
  for (const namespace of platform.namespaces) claim(owners.namespace, "namespace", namespace, "the platform");

  for (const workflow of workflows) {
    const owner = `workflow ${workflow.name}`;
    claim(owners.workflow, "workflow", workflow.name, owner);
    for (const [verb, action] of Object.entries(workflow.actions)) {
      inNamespace(workflow, "card verb", verb);
      claim(owners.verb, "card verb", verb, owner);
      actions.set(verb, action);
    }
    for (const [intent, handler] of Object.entries(workflow.intents)) {
      inNamespace(workflow, "intent", intent);
      claim(owners.intent, "intent", intent, owner);
      intents.set(intent, handler);
    }
    for (const source of workflow.deadlines) {
      inNamespace(workflow, "reminder kind", source.kind);
      claim(owners.kind, "reminder kind", source.kind, owner);
    }
    for (const declaration of workflow.importSections) {
      claim(owners.section, "import section", declaration.name, owner);
      sections.push(declaration);
    }
    for (const reader of workflow.importFiles ?? []) {
      claim(owners.fileType, "import file type", reader.extension.toLowerCase(), owner);
      importFiles.set(reader.extension.toLowerCase(), reader);
    }
    for (const pattern of workflow.references ?? []) {
      claim(owners.reference, "reference entity", pattern.entity, owner);
      claim(owners.reference, "reference prefix", pattern.prefix.toLowerCase(), owner);
    }
    for (const setting of Object.keys(workflow.settings ?? {})) claim(owners.setting, "setting", setting, owner);
    for (const event of workflow.events ?? []) {
      inNamespace(workflow, "event type", event.type);
      claim(owners.event, "event type", event.type, owner);
    }
    for (const job of workflow.jobs ?? []) {
      inNamespace(workflow, "job", job.name);
      claim(owners.job, "job", job.name, owner);
    }
    // Last, so that a clash names the verb or intent rather than the prefix they share.
    for (const namespace of workflow.namespaces) claim(owners.namespace, "namespace", namespace, owner);
    if (workflow.refusalWords !== undefined) inNamespace(workflow, "refusal words prefix", workflow.refusalWords);
  }
  const bare = workflows.flatMap((workflow) => (workflow.references ?? []).filter((pattern) => pattern.bareDigits));
  if (bare.length > 1) throw new FoldError(`only one reference pattern may read bare digits; ${bare.map((pattern) => pattern.entity).join(" and ")} both do`);

  return {
    workflows,
    actions,
    intents,
    references: workflows.flatMap((workflow) => workflow.references ?? []),
    deadlineSources: workflows.flatMap((workflow) => workflow.deadlines),
    importSections: orderSections(sections),
    importFiles,
    routes: workflows.flatMap((workflow) => workflow.routes),
    apiOperations: workflows.flatMap((workflow) => workflow.apiOperations ?? []),
    events: workflows.flatMap((workflow) => workflow.events ?? []),
    jobs: workflows.flatMap((workflow) => workflow.jobs ?? []),
    refusals: new Set([...platform.refusals, ...workflows.flatMap((workflow) => workflow.refusals)]),
    settings: Object.assign({}, ...workflows.map((workflow) => workflow.settings ?? {})) as z.ZodRawShape,
    helpIntents: [...new Set([...workflows.flatMap((workflow) => workflow.examples.help), ...platform.helpIntents])],
    welcomeExamples: workflows.flatMap((workflow) => workflow.examples.welcome),
    welcomeActions: [...workflows.flatMap((workflow) => workflow.examples.welcomeActions ?? []), ...platform.welcomeActions],
    folders: workflows.map((workflow) => workflow.folder),
    suggest: (t, intent, entities) => {
      for (const workflow of workflows) {
        const suggestion = workflow.examples.suggest?.(t, intent, entities);
        if (suggestion !== undefined) return suggestion;
      }
      return undefined;
    },
  };
}

/** Declaration order, except that a section comes after every section it names in `after`. */
function orderSections(declarations: readonly ImportSectionDeclaration[]): { name: string; section: ImportSection }[] {
  const byName = new Map(declarations.map((declaration) => [declaration.name, declaration]));
  const ordered: { name: string; section: ImportSection }[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (declaration: ImportSectionDeclaration, path: readonly string[]) => {
    if (state.get(declaration.name) === "done") return;
    if (state.get(declaration.name) === "visiting")
      throw new FoldError(`import sections depend on each other in a loop: ${[...path, declaration.name].join(" -> ")}`);
    state.set(declaration.name, "visiting");
    for (const name of declaration.after ?? []) {
      const before = byName.get(name);
      if (!before) throw new FoldError(`import section "${declaration.name}" comes after "${name}", which nobody declares`);
      visit(before, [...path, declaration.name]);
    }
    state.set(declaration.name, "done");
    ordered.push({ name: declaration.name, section: declaration.section });
  };
  for (const declaration of declarations) visit(declaration, []);
  return ordered;
}
