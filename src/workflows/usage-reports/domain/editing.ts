// The MSP's side of a report: Save draft keeps the typed values without submitting; Submit sends
// the report to the distributor for review, once, and only with every discrepancy commented.
// Both are refused outside the editable states (in preparation, rejected), for readers, and once
// the automatic submission's time has come for a report the schedule submits.
import { accept } from "../../../platform/domain/result";
import { checkBeforeAutoSubmission } from "./auto-submission";
import { uncommentedDiscrepancies } from "./discrepancies";
import { type AppliedEdits, type TReportEdit, applyLineEdits, checkLineEdits, editConflicts } from "./line-edits";
import { usageReportPermissions } from "./permissions";
import { type UsageReportResult, refuseReport } from "./refusals";
import { type UsageReport, type UsageReportActor, type UsageReportChange, type UsageReportReplay, isEditable, stateFacts } from "./report";

/** Keeps the typed values; saving what is already saved changes nothing and writes no history. */
export function saveDraft(
  report: UsageReport,
  edit: TReportEdit,
  actor: UsageReportActor,
  now: Date,
): UsageReportResult<UsageReportChange | UsageReportReplay> {
  const applied = checkedEdits(report, edit, actor, now);
  if (!applied.ok) return applied;
  if (Object.keys(applied.value.after).length === 0) return accept({ record: report, audit: undefined });
  const record: UsageReport = {
    ...report,
    lines: applied.value.lines,
    version: report.version + 1,
    lastChange: { userId: actor.userId, name: actor.name, at: now },
  };
  return accept({ record, audit: { action: "draft_saved", before: { lines: applied.value.before }, after: { lines: applied.value.after } } });
}

/** Saves the typed values and sends the report for review, refused while a discrepancy lacks its comment. */
export function submitReport(report: UsageReport, edit: TReportEdit, actor: UsageReportActor, now: Date): UsageReportResult<UsageReportChange> {
  const applied = checkedEdits(report, edit, actor, now);
  if (!applied.ok) return applied;
  const uncommented = uncommentedDiscrepancies(applied.value.lines);
  const first = uncommented[0];
  if (first) {
    return refuseReport("comment_required", {
      count: uncommented.length,
      product: first.product,
      provisioned: first.provisionedUnits,
      billable: first.billableUnits,
    });
  }
  const record: UsageReport = {
    ...report,
    lines: applied.value.lines,
    state: "in_review",
    version: report.version + 1,
    submission: { how: "manual", at: now, by: { userId: actor.userId, name: actor.name } },
    lastChange: { userId: actor.userId, name: actor.name, at: now },
  };
  return accept({
    record,
    audit: {
      action: "submitted",
      before: { state: report.state, lines: applied.value.before },
      after: { state: record.state, lines: applied.value.after },
    },
  });
}

/** The checks both commands share: role, state, every typed value, and changes made meanwhile. */
function checkedEdits(report: UsageReport, edit: TReportEdit, actor: UsageReportActor, now: Date): UsageReportResult<AppliedEdits> {
  if (!usageReportPermissions.can(actor.role, "usage-report.edit")) return refuseReport("not_permitted", { role: actor.role });
  if (!isEditable(report)) return refuseReport("not_editable", stateFacts(report));
  const open = checkBeforeAutoSubmission(report, now);
  if (!open.ok) return open;
  const checked = checkLineEdits(report, edit.lines);
  if (!checked.ok) return refuseReport(checked.first.code, checked.first.facts);
  const conflicts = editConflicts(report, checked.value, edit.baseVersion);
  if (conflicts.length > 0) {
    const latest = conflicts.reduce((a, b) => (b.by.at.getTime() > a.by.at.getTime() ? b : a));
    return refuseReport("edited_meanwhile", {
      by: latest.by.name,
      at: latest.by.at,
      count: conflicts.length,
      products: conflicts
        .slice(0, 3)
        .map((conflict) => conflict.product)
        .join(", "),
    });
  }
  return accept(applyLineEdits(report.lines, checked.value, actor, now, report.version + 1));
}
