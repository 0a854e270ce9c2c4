// The platform's automatic submission, run on the scheduler's tick by every instance: every
// report whose time has come and that is still in preparation (or rejected before its time) is
// submitted once. Exactly once across instances comes from the database: the save is a
// conditional update from the report's editable state and version, so a second instance's
// attempt re-reads the report in review and the domain refuses it, writing nothing.
import type { WorkflowJob } from "../../../platform/workflow";
import type { Db } from "../../../platform/store/db";
import { autoSubmitOnce } from "./commands";
import { listDueForAutoSubmission } from "./reports";

export const AUTO_SUBMISSION_PAGE = 100;

export interface AutoSubmissionRun {
  /** Reports this run submitted. */
  submitted: number;
  /** Due reports another instance (or a person) submitted first, or that wait for a correction by hand. */
  skipped: number;
}

export async function runAutoSubmissions(db: Db, now: Date, pageSize = AUTO_SUBMISSION_PAGE): Promise<AutoSubmissionRun> {
  const run: AutoSubmissionRun = { submitted: 0, skipped: 0 };
  let after: string | undefined;
  for (;;) {
    const due = await listDueForAutoSubmission(db, now, { ...(after ? { after } : {}), limit: pageSize });
    for (const report of due) {
      const outcome = await autoSubmitOnce(db, { organisationId: report.organisationId, reportId: report.id, now });
      if (outcome.kind === "changed") run.submitted += 1;
      else run.skipped += 1;
    }
    if (due.length < pageSize) return run;
    after = due[due.length - 1]?.id;
  }
}

export const autoSubmissionJob: WorkflowJob = {
  name: "usageReport.autoSubmit",
  run: async ({ db, now, logger }) => {
    const run = await runAutoSubmissions(db, now);
    if (run.submitted > 0) logger?.info({ ...run }, "usage reports submitted automatically");
    return run;
  },
};
