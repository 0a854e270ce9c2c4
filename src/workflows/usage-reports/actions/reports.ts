// Card actions of a usage report: open it (a page of its lines), Save draft and Submit. Card
// data is client-controlled: the report is re-loaded within the actor's organisation, every
// typed value is re-checked on the server, and the domain re-checks the role on every write.
// Whatever the answer, the typed values stay in the card, each problem next to its field.
import { z } from "zod";
import { checkLineEdits, editConflicts, type TLineEdit, type TReportEdit } from "../domain/line-edits";
import { usageReportPermissions } from "../domain/permissions";
import type { UsageReportActor } from "../domain/report";
import { saveDraftOnce, submitOnce } from "../store/commands";
import { findAccount, findReport } from "../store/reports";
import { type Notice, type TypedValues, reportRefusalText, usageReportCard } from "../views/report";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import type { Refusal } from "../../../platform/domain/result";

const ZOpenSchema = z.object({ reportId: z.string().min(1).max(64), page: z.number().int().min(1).max(1000).optional() });

/** The form's own data, and its inputs `billable_<i>` / `comment_<i>` for the i-th line it showed. */
const ZFormSchema = z.looseObject({
  reportId: z.string().min(1).max(64),
  baseVersion: z.number().int().min(0),
  page: z.number().int().min(1).max(1000).optional(),
  lineIds: z.array(z.string().min(1).max(200)).max(200),
});
type TForm = z.infer<typeof ZFormSchema>;

const ZTypedSchema = z.string().max(4000).optional();

export function actorOf(scope: ActionScope): UsageReportActor {
  return { userId: scope.actor.aadObjectId, name: scope.actor.name, role: scope.actor.role };
}

/** The values a form sent, as line edits and as the typed values to show again. */
function typedEdits(form: TForm): { edits: TLineEdit[]; typed: TypedValues } {
  const edits: TLineEdit[] = [];
  const typed: TypedValues = Object.create(null) as TypedValues;
  form.lineIds.forEach((lineId, index) => {
    const billable = ZTypedSchema.safeParse(form[`billable_${index}`]);
    const comment = ZTypedSchema.safeParse(form[`comment_${index}`]);
    const edit: TLineEdit = { lineId };
    if (billable.success && billable.data !== undefined) edit.billableUnits = billable.data;
    if (comment.success && comment.data !== undefined) edit.comment = comment.data;
    edits.push(edit);
    typed[lineId] = {
      ...(edit.billableUnits !== undefined ? { billableUnits: String(edit.billableUnits) } : {}),
      ...(edit.comment !== undefined ? { comment: edit.comment } : {}),
    };
  });
  return { edits, typed };
}

async function loaded(scope: ActionScope, reportId: string) {
  const report = await findReport(scope.services.db, scope.organisation.id, reportId);
  const account = report ? await findAccount(scope.services.db, scope.organisation.id, report.accountId) : undefined;
  return report && account ? { report, account } : undefined;
}

const notFound = (scope: ActionScope): ActionOutcome => ({ message: reportRefusalText(scope.t, { code: "not_found", facts: {} }) });

async function card(
  scope: ActionScope,
  reportId: string,
  view: {
    page?: number;
    typed?: TypedValues;
    notice?: Notice;
    problems?: Parameters<typeof usageReportCard>[0]["problems"];
    conflicts?: Parameters<typeof usageReportCard>[0]["conflicts"];
  } = {},
): Promise<ActionOutcome> {
  const found = await loaded(scope, reportId);
  if (!found) return notFound(scope);
  return {
    card: usageReportCard({
      ...found,
      t: scope.t,
      organisationTimeZone: scope.organisation.timeZone,
      now: scope.now,
      canEdit: usageReportPermissions.can(scope.actor.role, "usage-report.edit"),
      ...view,
    }),
  };
}

async function open(scope: ActionScope, data: z.infer<typeof ZOpenSchema>): Promise<ActionOutcome> {
  return card(scope, data.reportId, data.page ? { page: data.page } : {});
}

type Command = typeof saveDraftOnce;

async function write(scope: ActionScope, form: TForm, command: Command, done: string): Promise<ActionOutcome> {
  const found = await loaded(scope, form.reportId);
  if (!found) return notFound(scope);
  const { edits, typed } = typedEdits(form);
  const page = form.page ?? 1;
  const edit: TReportEdit = { baseVersion: form.baseVersion, lines: edits };
  const outcome = await command(scope.services.db, {
    organisationId: scope.organisation.id,
    reportId: form.reportId,
    edit,
    actor: actorOf(scope),
    now: scope.now,
  });
  if (outcome.kind === "changed") return card(scope, form.reportId, { page, notice: { text: scope.t.t(done), style: "good" } });
  if (outcome.kind === "unchanged") return card(scope, form.reportId, { page, notice: { text: scope.t.t("usageReport.notice.unchanged"), style: "accent" } });
  return refused(scope, form, { edit, typed, page }, outcome.refusal);
}

/** A refusal in the card, the typed values kept: every field problem beside its field, what others changed beside their lines. */
async function refused(
  scope: ActionScope,
  form: TForm,
  sent: { edit: TReportEdit; typed: TypedValues; page: number },
  refusal: Refusal,
): Promise<ActionOutcome> {
  const found = await loaded(scope, form.reportId);
  if (!found) return notFound(scope);
  const notice: Notice = { text: reportRefusalText(scope.t, refusal), style: "attention" };
  if (refusal.code === "units_invalid" || refusal.code === "comment_too_long" || refusal.code === "line_unknown" || refusal.code === "line_duplicated") {
    const checked = checkLineEdits(found.report, sent.edit.lines);
    const problems = checked.ok ? {} : checked.problems;
    return card(scope, form.reportId, {
      page: sent.page,
      typed: sent.typed,
      problems,
      notice: { text: scope.t.t("usageReport.notice.fixFields"), style: "attention" },
    });
  }
  if (refusal.code === "edited_meanwhile") {
    const checked = checkLineEdits(found.report, sent.edit.lines);
    const conflicts = checked.ok ? editConflicts(found.report, checked.value, sent.edit.baseVersion) : [];
    // The card now carries the current version: having seen the other change, a second save keeps these values.
    return card(scope, form.reportId, { page: sent.page, typed: sent.typed, conflicts, notice });
  }
  if (refusal.code === "comment_required") return card(scope, form.reportId, { page: 1, typed: sent.typed, notice });
  return card(scope, form.reportId, { page: sent.page, notice });
}

export const reportActions = {
  "usageReport.open": defineAction(ZOpenSchema, false, open),
  "usageReport.save": defineAction(ZFormSchema, true, (scope, form) => write(scope, form, saveDraftOnce, "usageReport.notice.saved")),
  "usageReport.submit": defineAction(ZFormSchema, true, (scope, form) => write(scope, form, submitOnce, "usageReport.notice.submitted")),
};
