// Workflow jobs: a workflow's periodic work is folded into the tables under its namespaces and
// run on the scheduler's tick with the scheduler's clock; one job failing stops only itself.
import { describe, expect, it } from "vitest";
import { FoldError, foldWorkflows } from "../../../src/platform/fold";
import { PLATFORM_PARTS } from "../../../src/platform/parts";
import { runJobs } from "../../../src/platform/reminders/scheduler";
import type { Db } from "../../../src/platform/store/db";
import type { Workflow, WorkflowJob } from "../../../src/platform/workflow";
import { ticketsWorkflow } from "../../support/tickets-workflow/workflow";

const now = new Date("2026-12-05T23:00:00Z");
const db = {} as Db;

describe("workflow jobs", () => {
  it("are folded into the tables, each in its workflow's namespaces", () => {
    const job: WorkflowJob = { name: "ticket.autoClose", run: async () => 0 };
    expect(foldWorkflows(PLATFORM_PARTS, [{ ...ticketsWorkflow, jobs: [job] }]).jobs).toEqual([job]);
    expect(foldWorkflows(PLATFORM_PARTS, [ticketsWorkflow]).jobs).toEqual([]);
    const outside: Workflow = { ...ticketsWorkflow, jobs: [{ name: "invoice.send", run: async () => 0 }] };
    expect(() => foldWorkflows(PLATFORM_PARTS, [outside])).toThrow(FoldError);
    const twice: Workflow = { ...ticketsWorkflow, jobs: [job, job] };
    expect(() => foldWorkflows(PLATFORM_PARTS, [twice])).toThrow(/job "ticket.autoClose" is declared by both/);
  });

  it("run with the scheduler's clock, and a failing job does not stop the next", async () => {
    const seen: Date[] = [];
    const reports = await runJobs({
      db,
      clock: () => now,
      jobs: [
        { name: "ticket.broken", run: async () => Promise.reject(new Error("boom")) },
        {
          name: "ticket.autoClose",
          run: async (deps) => {
            seen.push(deps.now);
            return { closed: 2 };
          },
        },
      ],
    });
    expect(seen).toEqual([now]);
    expect(reports).toEqual([
      { name: "ticket.broken", error: "boom" },
      { name: "ticket.autoClose", result: { closed: 2 } },
    ]);
  });
});
