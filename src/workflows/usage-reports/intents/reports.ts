// Questions about usage reports, answered in the language asked, within the asker's
// organisation: the state of a month's report ("has the distributor approved our October usage
// report?"), the reports waiting for us, the discrepancies still without a comment, and when a
// report submits automatically. Answers use the same domain rules as the cards and reminders.
import { awaitsAutoSubmission } from "../domain/auto-submission";
import { uncommentedDiscrepancies } from "../domain/discrepancies";
import { DEFAULT_REPORT_PERIOD, cycleRange } from "../domain/report-period";
import { EDITABLE_STATES } from "../domain/report";
import { listEditableReports, listReports } from "../store/reports";
import { autoSubmissionText, usageReportListCard } from "../views/report";
import { formatMonth } from "../../../platform/i18n/format";
import { bulletList } from "../../../platform/bot/intents/suggestions";
import type { IntentHandler } from "../../../platform/bot/intents/types";

/** How many reports or lines an answer lists; the count says how many there are in all. */
export const ANSWER_LIMIT = 10;

const cycleOf = (month: { year: number; month: number }) => `${month.year}-${String(month.month).padStart(2, "0")}`;

export const reportIntents: Record<string, IntentHandler> = {
  "usageReport.status": async (scope, recognition) => {
    const { t } = scope;
    const month = recognition.entities.month;
    const range = cycleRange(DEFAULT_REPORT_PERIOD, scope.organisation.timeZone, scope.now);
    const reports = await listReports(scope.services.db, scope.organisation.id, {
      ...(month ? { cycle: cycleOf(month) } : range.ok ? { range: range.value } : {}),
      limit: ANSWER_LIMIT,
    });
    if (reports.length === 0) return { text: t.t("usageReport.answer.notFound", { cycle: month ? formatMonth(t.locale, cycleOf(month)) : "" }) };
    // Without a month, the latest cycle's reports.
    const shown = month ? reports : reports.filter((report) => report.cycle === reports[0]?.cycle);
    const lines = shown.map((report) =>
      t.t("usageReport.answer.status", { cycle: formatMonth(t.locale, report.cycle), account: report.accountName, state: report.state }),
    );
    return {
      card: usageReportListCard(
        t,
        lines.length === 1 ? (lines[0] ?? "") : bulletList(lines),
        shown.map((report) => ({ id: report.id, text: listLine(t, report) })),
      ),
    };
  },

  "usageReport.waiting": async (scope) => {
    const { t } = scope;
    const reports = await listReports(scope.services.db, scope.organisation.id, { states: EDITABLE_STATES, limit: ANSWER_LIMIT });
    if (reports.length === 0) return { text: t.t("usageReport.answer.waiting", { count: 0 }) };
    return {
      card: usageReportListCard(
        t,
        t.t("usageReport.list.waitingTitle", { count: reports.length }),
        reports.map((report) => ({ id: report.id, text: listLine(t, report) })),
      ),
    };
  },

  "usageReport.uncommented": async (scope) => {
    const { t } = scope;
    const reports = await listEditableReports(scope.services.db, scope.organisation.id, { states: EDITABLE_STATES, limit: ANSWER_LIMIT });
    const lines = reports.flatMap(({ report, account }) =>
      uncommentedDiscrepancies(report.lines).map((line) =>
        t.t("usageReport.answer.uncommentedLine", {
          account: account.name,
          cycle: formatMonth(t.locale, report.cycle),
          product: line.product,
          provisioned: line.provisionedUnits,
          billable: line.billableUnits,
        }),
      ),
    );
    const intro = t.t("usageReport.answer.uncommented", { count: lines.length });
    return lines.length === 0 ? { text: intro } : { text: `${intro}\n\n${bulletList(lines.slice(0, ANSWER_LIMIT))}` };
  },

  "usageReport.autoSubmission": async (scope) => {
    const { t } = scope;
    const zone = scope.organisation.timeZone;
    const reports = (await listEditableReports(scope.services.db, scope.organisation.id, { states: EDITABLE_STATES, limit: ANSWER_LIMIT })).filter(
      ({ report }) => awaitsAutoSubmission(report) && scope.now < report.autoSubmitAt,
    );
    if (reports.length === 0) return { text: t.t("usageReport.answer.noneAwaiting") };
    const lines = reports.map(({ report, account }) =>
      t.t("usageReport.answer.autoSubmits", {
        account: account.name,
        cycle: formatMonth(t.locale, report.cycle),
        when: autoSubmissionText(t, report, zone, scope.now),
      }),
    );
    return { text: bulletList(lines) };
  },
};

function listLine(t: Parameters<IntentHandler>[0]["t"], report: { accountName: string; cycle: string; state: string }): string {
  return t.t("usageReport.list.line", {
    account: report.accountName,
    cycle: formatMonth(t.locale, report.cycle),
    state: t.t(`usageReport.state.${report.state}`),
  });
}
