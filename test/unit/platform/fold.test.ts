// The fold: every workflow's declarations end up in one table each, and a name two of them
// claim stops the start-up instead of letting the last one silently win.
import { describe, expect, it } from "vitest";
import { FoldError, foldWorkflows } from "../../../src/platform/fold";
import { PLATFORM_PARTS } from "../../../src/platform/parts";
import type { Workflow } from "../../../src/platform/workflow";
import { platformTables } from "../../../src/app";
import { WORKFLOWS } from "../../../src/workflows/index";
import { ticketsWorkflow } from "../../support/tickets-workflow/workflow";

const fold = (...workflows: Workflow[]) => foldWorkflows(PLATFORM_PARTS, workflows);

describe("folding the workflows into the platform's tables", () => {
  it("picks up every part of a second workflow beside the shipped ones", () => {
    const tables = fold(...WORKFLOWS, ticketsWorkflow);
    expect(tables.actions.has("ticket.close")).toBe(true);
    expect(tables.actions.has("engagement.approve")).toBe(true);
    expect(tables.actions.has("reminders.snooze")).toBe(true);
    expect(tables.intents.has("ticket.open")).toBe(true);
    expect(tables.deadlineSources.map((source) => source.kind)).toContain("ticket.overdue");
    const shipped = WORKFLOWS.flatMap((workflow) => (workflow.references ?? []).map((pattern) => pattern.prefix));
    expect(shipped).toContain("ENG");
    expect(tables.references.map((pattern) => pattern.prefix)).toEqual([...shipped, "TCK"]);
    expect(tables.refusals.has("ticket_closed")).toBe(true);
    expect(tables.helpIntents).toContain("ticket.open");
    expect(tables.folders).toContain(ticketsWorkflow.folder);
  });

  it("applies import sections after the ones they rely on, whatever the list order", () => {
    const names = fold(ticketsWorkflow, ...WORKFLOWS).importSections.map((entry) => entry.name);
    expect(names[0]).toBe("users");
    expect(names.indexOf("billingDecisions")).toBeGreaterThan(names.indexOf("engagements"));
    expect(names.indexOf("completionRequests")).toBeGreaterThan(names.indexOf("engagements"));
    expect(names).toContain("tickets");
  });

  it("refuses at start-up a card verb that two workflows declare", () => {
    const copy: Workflow = { ...ticketsWorkflow, name: "tickets-copy", intents: {}, deadlines: [], importSections: [], references: [] };
    expect(() => fold(ticketsWorkflow, copy)).toThrow(/card verb "ticket.close" is declared by both workflow tickets and workflow tickets-copy/);
    expect(() => platformTables([...WORKFLOWS, ticketsWorkflow, copy])).toThrow(FoldError);
  });

  it("refuses a workflow that takes a platform verb or namespace", () => {
    const clash: Workflow = {
      ...ticketsWorkflow,
      name: "reminders",
      namespaces: ["reminders"],
      actions: { "reminders.snooze": ticketsWorkflow.actions["ticket.close"]! },
      intents: {},
      deadlines: [],
      importSections: [],
      references: [],
    };
    expect(() => fold(clash)).toThrow(/card verb "reminders.snooze" is declared by both the platform and workflow reminders/);
    expect(() => fold({ ...clash, actions: {} })).toThrow(/namespace "reminders" is declared by both the platform and workflow reminders/);
  });

  it("refuses an intent, a reminder kind, an import section, a namespace or a reference prefix claimed twice", () => {
    const base: Workflow = {
      ...ticketsWorkflow,
      name: "other",
      namespaces: ["other"],
      actions: {},
      intents: {},
      deadlines: [],
      importSections: [],
      references: [],
      refusals: [],
      refusalWords: "other",
    };
    expect(() => fold(ticketsWorkflow, { ...base, namespaces: ["ticket"] })).toThrow(/namespace "ticket" is declared by both/);
    expect(() => fold(ticketsWorkflow, { ...base, intents: { help: ticketsWorkflow.intents["ticket.open"]! } })).toThrow(/outside its namespaces/);
    expect(() => fold(ticketsWorkflow, { ...base, importSections: ticketsWorkflow.importSections })).toThrow(/import section "tickets"/);
    expect(() => fold(ticketsWorkflow, { ...base, references: [{ entity: "otherReference", prefix: "tck", minDigits: 3 }] })).toThrow(/reference prefix "tck"/);
    expect(() => fold(ticketsWorkflow, { ...base, deadlines: [{ ...ticketsWorkflow.deadlines[0]!, kind: "other.overdue" }] })).not.toThrow();
    expect(() => fold(ticketsWorkflow, { ...base, deadlines: ticketsWorkflow.deadlines })).toThrow(/reminder kind "ticket.overdue"/);
    expect(() => fold(ticketsWorkflow, { ...base, refusalWords: "ticket" })).toThrow(/refusal words prefix "ticket" of workflow other is outside/);
  });

  it("refuses a verb outside the workflow's namespaces and a section coming after one nobody declares", () => {
    expect(() => fold({ ...ticketsWorkflow, actions: { "invoice.pay": ticketsWorkflow.actions["ticket.close"]! } })).toThrow(
      /card verb "invoice.pay" of workflow tickets is outside its namespaces/,
    );
    expect(() => fold({ ...ticketsWorkflow, importSections: [{ ...ticketsWorkflow.importSections[0]!, after: ["invoices"] }] })).toThrow(
      /comes after "invoices", which nobody declares/,
    );
  });
});
