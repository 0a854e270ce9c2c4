// The Workflow interface: the only plug between the platform and a vendor workflow. A workflow
// declares everything it adds (card verbs, intents, references, deadlines, import sections, API
// routes, settings, refusal codes, permissions, examples) in its `workflow.ts`; src/app.ts folds
// the list in src/workflows/index.ts into one set of tables (./fold.ts) and hands them in.
// Data files are found in the workflow's folder: cards/*.json, messages/<locale>/*.json and
// intents/*.json (training utterances).
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
import type { WorkflowDemo } from "./import/demo/demo-context";
import type { Db } from "./store/db";
import type { ReminderLogger } from "./reminders/deliverer";

/**
 * Work a workflow does by itself on the reminder scheduler's tick (every few seconds, on every
 * instance): "submit what is due". Every instance runs it, so it must be safe to run twice at
 * once: exactly-once comes from the database (a conditional update), never from a lock.
 */
export interface WorkflowJob {
  /** In the workflow's namespaces: "ticket.autoClose". */
  name: string;
  run(deps: { db: Db; now: Date; logger?: ReminderLogger }): Promise<unknown>;
}

export interface ImportSectionDeclaration {
  /** The array's name in the import file: "tickets". */
  name: string;
  section: ImportSection;
  /** Sections whose records this one relies on, applied before it. */
  after?: readonly string[];
}

export interface WelcomeAction {
  verb: string;
  titleKey: string;
}

export interface WorkflowExamples {
  /** Intents help and "I did not understand" list, in the order a newcomer needs them; each has
   *  the catalog message `conversation.example.<intent>`. */
  help: readonly IntentName[];
  /** Catalog keys of example questions on the welcome card. */
  welcome: readonly string[];
  /** Buttons on the welcome card: a card verb of the workflow and the catalog key of its title. */
  welcomeActions?: readonly WelcomeAction[];
  /** A question for `intent` that keeps what the user already said, when the workflow has a
   *  better one than its example (a reference, a month); undefined to use the example. */
  suggest?(t: Translator, intent: IntentName, entities: Entities): string | undefined;
}

export interface Workflow {
  /** The folder's name: "tickets". */
  name: string;
  /** Prefixes of everything it declares: verbs, intents, reminder kinds ("ticket"). */
  namespaces: readonly string[];
  /** Its folder (`new URL(".", import.meta.url)`), where its cards, catalogs and utterances live. */
  folder: URL;
  /** Refusal codes its domain returns; each has words `refusal.<code>` in its catalogs, or
   *  `<refusalWords>.refusal.<code>` when it names its own prefix. */
  refusals: readonly string[];
  /** A catalog prefix (one of its namespaces) for words of its own: "ticket" reads
   *  "ticket.refusal.not_permitted" first, and the platform's "refusal.<code>" after. */
  refusalWords?: string;
  actions: Readonly<Record<string, CardAction>>;
  intents: Readonly<Record<IntentName, IntentHandler>>;
  /** How its records are named in chat ("TCK-1042"): the recognizer extracts them. */
  references?: readonly ReferencePattern[];
  deadlines: readonly DeadlineSource[];
  importSections: readonly ImportSectionDeclaration[];
  /** Readers of other file types `npm run import` takes (a vendor's CSV report), by file name ending. */
  importFiles?: readonly ImportFileReader[];
  routes: readonly RouteRegistrar[];
  /** What its routes take and answer, for the OpenAPI document (GET /api/v1/openapi.json). */
  apiOperations?: readonly ApiOperation[];
  /** Outbound event types its decisions emit (webhooks and the pull feed). */
  events?: EventCatalog;
  /** Environment settings, merged into the configuration and validated at start-up. */
  settings?: z.ZodRawShape;
  examples: WorkflowExamples;
  /** Periodic work on the scheduler's tick (off with REMINDERS_ENABLED=false: tests call `run` themselves). */
  jobs?: readonly WorkflowJob[];
  /** Its records in the demo organisation (`npm run seed:demo`). */
  demo?: WorkflowDemo;
}

/** Keeps a workflow's literal types while checking it against the interface. */
export const defineWorkflow = <W extends Workflow>(workflow: W): W => workflow;
