// Turns a usage report into the data of cards/usage-report.json: the header (account, cycle,
// state, when it submits automatically, totals), one page of lines in attention order with
// their inputs, and Save draft / Submit. Typed values and the problems found on the server are
// shown next to their fields; a line someone else changed meanwhile says who and what.
import type { MspAccount } from "../domain/accounts";
import { awaitsAutoSubmission, daysUntilAutoSubmission, scheduledAt } from "../domain/auto-submission";
import { discrepancyOf, pageOfLines, reportTotals } from "../domain/discrepancies";
import { COMMENT_MAX, type EditConflict, type LineProblems } from "../domain/line-edits";
import { type UsageReport, isEditable, openRejection } from "../domain/report";
import type { Refusal } from "../../../platform/domain/result";
import { type AdaptiveCard, largestFittingCard, renderCard } from "../../../platform/cards/render";
import { formatMonth } from "../../../platform/i18n/format";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { type Translator, translator } from "../../../platform/i18n/translator";

export const REFUSAL_WORDS = "usageReport";

/** Lines per page: a page of them with inputs stays well inside Teams' 28 KB. */
export const LINES_PER_PAGE = 20;

export type Notice = { text: string; style: "good" | "attention" | "warning" | "accent" };

/** What the person typed, by line id, kept in the card whatever the server answered. */
export type TypedValues = Record<string, { billableUnits?: string; comment?: string }>;

export interface ReportCardInput {
  report: UsageReport;
  account: MspAccount;
  t: Translator;
  organisationTimeZone: string;
  now: Date;
  canEdit: boolean;
  page?: number;
  typed?: TypedValues;
  problems?: LineProblems;
  conflicts?: readonly EditConflict[];
  notice?: Notice;
}

/** A refusal in words, with a cycle made readable. */
export function reportRefusalText(t: Translator, refusal: Refusal): string {
  const facts = { ...refusal.facts };
  if (typeof facts.cycle === "string" && /^\d{4}-\d{2}$/.test(facts.cycle)) facts.cycle = formatMonth(t.locale, facts.cycle);
  return refusalText(t, { code: refusal.code, facts }, REFUSAL_WORDS);
}

function decimal(locale: string, value: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value as unknown as number);
}

/** "Submits automatically in 3 days, on 5 Dec at 23:59 Europe/Paris", in the organisation's zone. */
export function autoSubmissionText(t: Translator, report: UsageReport, timeZone: string, now: Date): string {
  const time = scheduledAt(report.autoSubmitAt, timeZone);
  const days = Math.max(0, daysUntilAutoSubmission(time, timeZone, now));
  // Read as the organisation counts it, the zone named once by its IANA name.
  return translator(t.locale, timeZone, "reader").t("usageReport.autoSubmission.when", { days, lastMoment: time.lastMoment, zone: timeZone });
}

/** The state, and how it was submitted, in one line. */
function submissionText(t: Translator, report: UsageReport): string {
  const submission = report.submission;
  if (!submission || report.state === "in_preparation") return "";
  if (submission.how === "automatic") {
    return `${t.t("usageReport.submission.automatic")} ${t.t("usageReport.penalties.incurred", { count: submission.penalties.length })}`;
  }
  return t.t("usageReport.submission.manual", { by: submission.by.name, at: submission.at });
}

export function usageReportCard(input: ReportCardInput): AdaptiveCard {
  const { report, account, t } = input;
  const editable = input.canEdit && isEditable(report);
  const page = pageOfLines(report.lines, input.page ?? 1, LINES_PER_PAGE);
  const totals = reportTotals(report.lines);
  const rejection = openRejection(report);
  const lineNotes = new Map((rejection?.lineNotes ?? []).map((note) => [note.lineId, note.note]));
  const conflicts = new Map((input.conflicts ?? []).map((conflict) => [conflict.lineId, conflict]));
  const problems = input.problems ?? {};
  const typed = input.typed ?? {};
  const first = (page.page - 1) * LINES_PER_PAGE + 1;
  const lines = page.lines.map((line, index) => {
    const kind = discrepancyOf(line);
    const conflict = conflicts.get(line.id);
    const found = problems[line.id] ?? {};
    const error = (field: "line" | "billableUnits" | "comment") => (found[field] ? reportRefusalText(t, found[field]) : "");
    return {
      index,
      title: `${line.product} · ${line.unit}`,
      facts: t.t("usageReport.line.facts", { provisioned: decimal(t.locale, line.provisionedUnits), billable: decimal(t.locale, line.billableUnits) }),
      discrepancy: kind ? t.t(`usageReport.discrepancy.${kind}`) : "",
      discrepancyColor: kind === "over_provisioned" ? "Attention" : "Warning",
      comment: line.comment ?? "",
      note: lineNotes.has(line.id) ? `${t.t("usageReport.field.distributorNote")}: ${lineNotes.get(line.id)}` : "",
      conflict: conflict
        ? t.t("usageReport.line.changedMeanwhile", {
            by: conflict.by.name,
            at: conflict.by.at,
            billable: decimal(t.locale, conflict.billableUnits),
            comment: conflict.comment ?? "",
            hasComment: conflict.comment ? "yes" : "no",
          })
        : "",
      billableId: `billable_${index}`,
      commentId: `comment_${index}`,
      billable: typed[line.id]?.billableUnits ?? line.billableUnits,
      commentValue: typed[line.id]?.comment ?? line.comment ?? "",
      billableError: error("billableUnits") || error("line"),
      commentError: error("comment"),
    };
  });
  const pageData = (pageNumber: number) => ({ reportId: report.id, page: pageNumber });
  const form = { reportId: report.id, baseVersion: report.version, page: page.page, lineIds: page.lines.map((line) => line.id) };
  const render = (count: number) =>
    renderCard("usage-report", {
      subtitle: `${account.name} · ${t.t("usageReport.field.distributor")}: ${account.distributorName}`,
      title: `${t.t("usageReport.field.cycle")} ${formatMonth(t.locale, report.cycle)}`,
      state: `${t.t("usageReport.field.status")}: ${t.t(`usageReport.state.${report.state}`)}`,
      stateColor: report.state === "rejected" ? "Attention" : report.state === "approved" ? "Good" : "Accent",
      submission: submissionText(t, report),
      autoSubmission:
        awaitsAutoSubmission(report) && input.now < report.autoSubmitAt ? autoSubmissionText(t, report, input.organisationTimeZone, input.now) : "",
      autoWarning: awaitsAutoSubmission(report) && totals.uncommented > 0 ? t.t("usageReport.autoSubmission.warning") : "",
      rejection: rejection
        ? `${t.t("usageReport.rejection.title", { distributor: account.distributorName, at: rejection.decidedAt })}${rejection.note ? `: ${rejection.note}` : ""}`
        : "",
      notice: input.notice?.text ?? "",
      noticeStyle: input.notice?.style ?? "default",
      totals: t.t("usageReport.totals.summary", { lines: totals.lines, discrepancies: totals.discrepancies, uncommented: totals.uncommented }),
      byUnit: totals.byUnit.map((unit) => ({
        text: t.t("usageReport.totals.unit", {
          unit: unit.unit,
          provisioned: decimal(t.locale, unit.provisionedUnits),
          billable: decimal(t.locale, unit.billableUnits),
        }),
      })),
      position: t.t("usageReport.page.position", { first: lines.length ? first : 0, last: first + Math.min(count, lines.length) - 1, total: totals.lines }),
      lines: lines.slice(0, count),
      editable,
      labels: {
        billable: t.t("usageReport.field.billable"),
        comment: t.t("usageReport.field.comment"),
        save: t.t("usageReport.action.saveDraft"),
        submit: t.t("usageReport.action.submit"),
        next: t.t("usageReport.action.nextPage"),
        previous: t.t("usageReport.action.previousPage"),
      },
      commentMax: COMMENT_MAX,
      form: { ...form, lineIds: form.lineIds.slice(0, count) },
      hasPrevious: page.page > 1,
      hasNext: page.page < page.pages,
      previous: pageData(page.page - 1),
      next: pageData(page.page + 1),
    });
  return largestFittingCard(lines.length, render);
}

export interface ReportListItem {
  id: string;
  text: string;
}

/** The list of reports answering a question: one line and one Open button each. */
export function usageReportListCard(t: Translator, title: string, items: readonly ReportListItem[]): AdaptiveCard {
  return largestFittingCard(items.length, (count) =>
    renderCard("usage-report-list", {
      title,
      items: items.slice(0, count).map((item) => ({ ...item, open: t.t("usageReport.action.open") })),
    }),
  );
}
