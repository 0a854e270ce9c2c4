// Usage reports in the database: MSP accounts, reports with their lines and the distributor's
// decisions, read into the domain's types and written back after a domain decision. Every
// write goes through `saveReportChange`: a conditional update on the report's version (and
// its state), so of two writers holding the same version exactly one saves.
import type { MspAccount } from "../domain/accounts";
import type { DistributorDecisionRecord, LineNote, Penalty, UsageReport, UsageReportAudit, UsageReportLine, UsageReportState } from "../domain/report";
import type { AuditEntry } from "../../../platform/store/audit";
import type { DbTx } from "../../../platform/store/db";
import type { CycleRange } from "../domain/report-period";

/** The record kind of a report's history in the platform's AuditEntry. */
export const USAGE_REPORT_RECORD_KIND = "usage-report";

/** Rows are created and updated in chunks of this many, one statement each. */
const CHUNK = 200;

type ReportRow = Awaited<ReturnType<DbTx["usageReport"]["findFirstOrThrow"]>>;
type LineRow = Awaited<ReturnType<DbTx["usageReportLine"]["findFirstOrThrow"]>>;
type DecisionRow = Awaited<ReturnType<DbTx["usageReportDecision"]["findFirstOrThrow"]>>;
type AccountRow = Awaited<ReturnType<DbTx["mspAccount"]["findFirstOrThrow"]>>;

export function accountOf(row: AccountRow): MspAccount {
  return {
    id: row.id,
    organisationId: row.organisationId,
    platformAccountId: row.platformAccountId,
    name: row.name,
    distributorName: row.distributorName,
    autoSubmitDelayDays: row.autoSubmitDelayDays,
    usageReporting: row.usageReporting,
  };
}

export async function findAccount(db: DbTx, organisationId: string, accountId: string): Promise<MspAccount | undefined> {
  const row = await db.mspAccount.findFirst({ where: { id: accountId, organisationId } });
  return row ? accountOf(row) : undefined;
}

export async function findAccountByPlatformId(db: DbTx, organisationId: string, platformAccountId: string): Promise<MspAccount | undefined> {
  const row = await db.mspAccount.findUnique({ where: { organisationId_platformAccountId: { organisationId, platformAccountId } } });
  return row ? accountOf(row) : undefined;
}

/** Creates or updates an account by the platform's id; a later delay applies to later reports only. */
export async function upsertAccount(db: DbTx, organisationId: string, account: Omit<MspAccount, "id" | "organisationId">): Promise<MspAccount> {
  const data = {
    name: account.name,
    distributorName: account.distributorName,
    autoSubmitDelayDays: account.autoSubmitDelayDays,
    usageReporting: account.usageReporting,
  };
  const row = await db.mspAccount.upsert({
    where: { organisationId_platformAccountId: { organisationId, platformAccountId: account.platformAccountId } },
    create: { organisationId, platformAccountId: account.platformAccountId, ...data },
    update: data,
  });
  return accountOf(row);
}

function lineOf(row: LineRow): UsageReportLine {
  return {
    id: row.lineId,
    product: row.product,
    unit: row.unit,
    provisionedUnits: row.provisionedUnits,
    platformBillableUnits: row.platformBillableUnits,
    billableUnits: row.billableUnits,
    ...(row.comment ? { comment: row.comment } : {}),
    billableSetByMsp: row.billableSetByMsp,
    changedInVersion: row.changedInVersion,
    ...(row.changedById && row.changedAt ? { changedBy: { userId: row.changedById, name: row.changedByName ?? "", at: row.changedAt } } : {}),
  };
}

function decisionOf(row: DecisionRow): DistributorDecisionRecord {
  return {
    decisionId: row.decisionId,
    outcome: row.outcome,
    ...(row.note ? { note: row.note } : {}),
    lineNotes: JSON.parse(row.lineNotes) as LineNote[],
    decidedAt: row.decidedAt,
    receivedAt: row.receivedAt,
  };
}

function reportOf(row: ReportRow, lines: readonly LineRow[], decisions: readonly DecisionRow[]): UsageReport {
  const submission: UsageReport["submission"] =
    row.submissionKind === "manual" && row.submittedAt
      ? { how: "manual", at: row.submittedAt, by: { userId: row.submittedById ?? "", name: row.submittedByName ?? "" } }
      : row.submissionKind === "automatic" && row.submittedAt
        ? {
            how: "automatic",
            at: row.submittedAt,
            dueAt: row.autoSubmissionDueAt ?? row.autoSubmitAt,
            penalties: JSON.parse(row.penalties ?? "[]") as Penalty[],
          }
        : undefined;
  return {
    id: row.id,
    organisationId: row.organisationId,
    accountId: row.accountId,
    platformReportId: row.platformReportId,
    cycle: row.cycle,
    openedAt: row.openedAt,
    autoSubmitAt: row.autoSubmitAt,
    state: row.state,
    version: row.version,
    lines: lines.map(lineOf),
    ...(submission ? { submission } : {}),
    decisions: decisions.map(decisionOf),
    ...(row.lastChangedById && row.lastChangedAt
      ? { lastChange: { userId: row.lastChangedById, name: row.lastChangedByName ?? "", at: row.lastChangedAt } }
      : {}),
  };
}

async function complete(db: DbTx, row: ReportRow): Promise<UsageReport> {
  const [lines, decisions] = await Promise.all([
    db.usageReportLine.findMany({ where: { reportId: row.id }, orderBy: { position: "asc" } }),
    db.usageReportDecision.findMany({ where: { reportId: row.id }, orderBy: { decidedAt: "asc" } }),
  ]);
  return reportOf(row, lines, decisions);
}

/** A report with its lines and decisions, within the organisation. */
export async function findReport(db: DbTx, organisationId: string, reportId: string): Promise<UsageReport | undefined> {
  const row = await db.usageReport.findFirst({ where: { id: reportId, organisationId } });
  return row ? complete(db, row) : undefined;
}

export async function findReportByPlatformId(db: DbTx, organisationId: string, platformReportId: string): Promise<UsageReport | undefined> {
  const row = await db.usageReport.findUnique({ where: { organisationId_platformReportId: { organisationId, platformReportId } } });
  return row ? complete(db, row) : undefined;
}

/** A report's header as lists show it: no lines, but their counts. */
export interface ReportSummary {
  id: string;
  accountId: string;
  accountName: string;
  distributorName: string;
  cycle: string;
  state: UsageReportState;
  autoSubmitAt: Date;
  submittedById?: string;
}

type SummaryRow = ReportRow & { account: AccountRow };

function summaryOf(row: SummaryRow): ReportSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.account.name,
    distributorName: row.account.distributorName,
    cycle: row.cycle,
    state: row.state,
    autoSubmitAt: row.autoSubmitAt,
    ...(row.submittedById ? { submittedById: row.submittedById } : {}),
  };
}

/** The organisation's reports in a range of cycles, newest first, at most `limit`. */
export async function listReports(
  db: DbTx,
  organisationId: string,
  filter: { range?: CycleRange; states?: readonly UsageReportState[]; cycle?: string; limit: number },
): Promise<ReportSummary[]> {
  const rows = await db.usageReport.findMany({
    where: {
      organisationId,
      ...(filter.range ? { cycle: { gte: filter.range.from, lte: filter.range.to } } : {}),
      ...(filter.cycle ? { cycle: filter.cycle } : {}),
      ...(filter.states ? { state: { in: [...filter.states] } } : {}),
    },
    include: { account: true },
    orderBy: [{ cycle: "desc" }, { autoSubmitAt: "asc" }, { id: "asc" }],
    take: filter.limit,
  });
  return rows.map(summaryOf);
}

/** Full reports (with lines) in the given states whose automatic submission lies before `until`, soonest first. */
export async function listEditableReports(
  db: DbTx,
  organisationId: string,
  filter: { states: readonly UsageReportState[]; until?: Date; limit: number },
): Promise<{ report: UsageReport; account: MspAccount }[]> {
  const rows = await db.usageReport.findMany({
    where: { organisationId, state: { in: [...filter.states] }, ...(filter.until ? { autoSubmitAt: { lte: filter.until } } : {}) },
    include: { account: true },
    orderBy: [{ autoSubmitAt: "asc" }, { id: "asc" }],
    take: filter.limit,
  });
  return Promise.all(rows.map(async (row) => ({ report: await complete(db, row), account: accountOf(row.account) })));
}

/** The next page of reports, across organisations, whose automatic submission time has come. */
export async function listDueForAutoSubmission(
  db: DbTx,
  now: Date,
  page: { after?: string; limit: number },
): Promise<{ id: string; organisationId: string }[]> {
  return db.usageReport.findMany({
    where: { state: { in: ["in_preparation", "rejected"] }, autoSubmitAt: { lte: now }, ...(page.after ? { id: { gt: page.after } } : {}) },
    select: { id: true, organisationId: true },
    orderBy: { id: "asc" },
    take: page.limit,
  });
}

/** Inserts a report the platform just opened, with its lines. */
export async function insertReport(tx: DbTx, report: UsageReport): Promise<void> {
  await tx.usageReport.create({ data: { id: report.id, organisationId: report.organisationId, accountId: report.accountId, ...headerData(report) } });
  await createLines(tx, report, report.lines);
}

function headerData(report: UsageReport) {
  const submission = report.submission;
  return {
    platformReportId: report.platformReportId,
    cycle: report.cycle,
    openedAt: report.openedAt,
    autoSubmitAt: report.autoSubmitAt,
    state: report.state,
    version: report.version,
    submissionKind: submission?.how ?? null,
    submittedAt: submission?.at ?? null,
    submittedById: submission?.how === "manual" ? submission.by.userId : null,
    submittedByName: submission?.how === "manual" ? submission.by.name : null,
    autoSubmissionDueAt: submission?.how === "automatic" ? submission.dueAt : null,
    penalties: submission?.how === "automatic" ? JSON.stringify(submission.penalties) : null,
    lastChangedById: report.lastChange?.userId ?? null,
    lastChangedByName: report.lastChange?.name ?? null,
    lastChangedAt: report.lastChange?.at ?? null,
  };
}

function lineData(line: UsageReportLine, position: number) {
  return {
    position,
    product: line.product,
    unit: line.unit,
    provisionedUnits: line.provisionedUnits,
    platformBillableUnits: line.platformBillableUnits,
    billableUnits: line.billableUnits,
    comment: line.comment ?? null,
    billableSetByMsp: line.billableSetByMsp,
    changedInVersion: line.changedInVersion,
    changedById: line.changedBy?.userId ?? null,
    changedByName: line.changedBy?.name ?? null,
    changedAt: line.changedBy?.at ?? null,
  };
}

async function createLines(tx: DbTx, report: UsageReport, lines: readonly UsageReportLine[]): Promise<void> {
  const positions = new Map(report.lines.map((line, index) => [line.id, index]));
  for (let start = 0; start < lines.length; start += CHUNK) {
    await tx.usageReportLine.createMany({
      data: lines.slice(start, start + CHUNK).map((line) => ({
        organisationId: report.organisationId,
        reportId: report.id,
        lineId: line.id,
        ...lineData(line, positions.get(line.id) ?? 0),
      })),
    });
  }
}

/**
 * Saves `next` if the stored report is still `before` (same version and state), with the lines
 * this change touched; answers whether it did. Lines change only inside this guarded update.
 */
export async function saveReportChange(tx: DbTx, before: UsageReport, next: UsageReport): Promise<boolean> {
  const { count } = await tx.usageReport.updateMany({
    where: { id: before.id, organisationId: before.organisationId, version: before.version, state: before.state },
    data: headerData(next),
  });
  if (count !== 1) return false;
  const known = new Set(before.lines.map((line) => line.id));
  const nextIds = new Set(next.lines.map((line) => line.id));
  const removed = before.lines.filter((line) => !nextIds.has(line.id)).map((line) => line.id);
  for (let start = 0; start < removed.length; start += CHUNK) {
    await tx.usageReportLine.deleteMany({ where: { reportId: before.id, lineId: { in: removed.slice(start, start + CHUNK) } } });
  }
  await createLines(
    tx,
    next,
    next.lines.filter((line) => !known.has(line.id)),
  );
  const positions = new Map(before.lines.map((line, index) => [line.id, index]));
  for (const [index, line] of next.lines.entries()) {
    if (!known.has(line.id)) continue;
    if (line.changedInVersion !== next.version && positions.get(line.id) === index) continue;
    await tx.usageReportLine.updateMany({ where: { reportId: before.id, lineId: line.id }, data: lineData(line, index) });
  }
  const decided = next.decisions.filter((decision) => !before.decisions.some((known) => known.decisionId === decision.decisionId));
  for (const decision of decided) {
    await tx.usageReportDecision.create({
      data: {
        organisationId: next.organisationId,
        reportId: next.id,
        decisionId: decision.decisionId,
        outcome: decision.outcome,
        note: decision.note ?? null,
        lineNotes: JSON.stringify(decision.lineNotes),
        decidedAt: decision.decidedAt,
        receivedAt: decision.receivedAt,
      },
    });
  }
  return true;
}

/** The history entry of a change, with who made it. */
export function reportAuditEntry(report: UsageReport, audit: UsageReportAudit, who: { actorId?: string; actorName: string }, at: Date): AuditEntry {
  return {
    organisationId: report.organisationId,
    recordKind: USAGE_REPORT_RECORD_KIND,
    recordId: report.id,
    recordVersion: report.version,
    at,
    action: audit.action,
    ...(who.actorId ? { actorId: who.actorId } : {}),
    actorName: who.actorName,
    ...(audit.reason ? { reason: audit.reason } : {}),
    ...(audit.before ? { before: audit.before as Record<string, unknown> } : {}),
    ...(audit.after ? { after: audit.after as Record<string, unknown> } : {}),
  };
}
