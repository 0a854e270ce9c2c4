// Every change of a report, decided once: read the report inside a transaction, let the domain
// decide, save it with the conditional update on its version and state, append its history
// entry and, for a submission, its outbound event, all in that one transaction. Of 20 clicks
// on Submit, or of two instances auto-submitting the same report, exactly one writes; the
// others re-read and see the report in review, which the domain refuses or treats as a replay.
import { randomUUID } from "node:crypto";
import type { MspAccount } from "../domain/accounts";
import { autoSubmitReport } from "../domain/auto-submission";
import { type TDistributorDecision, decideReport } from "../domain/distributor-decisions";
import { saveDraft, submitReport } from "../domain/editing";
import type { TReportEdit } from "../domain/line-edits";
import { PLATFORM_ACTOR, type TPlatformReport, receivePlatformReport } from "../domain/platform-reports";
import type { UsageReportRefusal, UsageReportResult } from "../domain/refusals";
import type { UsageReport, UsageReportActor, UsageReportChange, UsageReportReplay } from "../domain/report";
import { submittedEvent } from "../domain/submission-event";
import { submissionEventId, usageReportSubmitted } from "../events";
import { accept } from "../../../platform/domain/result";
import type { Refusal } from "../../../platform/domain/result";
import { emitEvent } from "../../../platform/events/emit";
import { appendAudit } from "../../../platform/store/audit";
import { type Decided, type DecideOnceSteps, decideOnce, decideOnceIn, LOST_RACE } from "../../../platform/store/decide-once";
import type { Db, DbTx } from "../../../platform/store/db";
import { enqueueRejectionNotice } from "./notifications";
import { findAccount, findReport, findReportByPlatformId, insertReport, reportAuditEntry, saveReportChange } from "./reports";

export type ReportOutcome =
  | { kind: "changed"; report: UsageReport }
  /** Nothing to write: the same values again, or a replayed decision. */
  | { kind: "unchanged"; report: UsageReport }
  | { kind: "refused"; refusal: Refusal<UsageReportRefusal>; report?: UsageReport };

interface Loaded {
  report: UsageReport;
  account: MspAccount;
}

type Decide = (report: UsageReport) => UsageReportResult<UsageReportChange | UsageReportReplay>;

function steps(
  organisationId: string,
  reportId: string,
  decide: Decide,
  who: { actorId?: string; actorName: string },
  now: Date,
): DecideOnceSteps<Loaded, Loaded, UsageReportRefusal> {
  return {
    load: async (tx: DbTx): Promise<Loaded | undefined> => {
      const report = await findReport(tx, organisationId, reportId);
      const account = report ? await findAccount(tx, organisationId, report.accountId) : undefined;
      return report && account ? { report, account } : undefined;
    },
    decide: (loaded: Loaded) => {
      const decided = decide(loaded.report);
      if (!decided.ok) return decided;
      const { record, audit } = decided.value;
      if (!audit) return accept({ unchanged: true as const }) as UsageReportResult<Decided<Loaded>>;
      return accept({ next: { report: record, account: loaded.account }, audit: reportAuditEntry(record, audit, who, now) }) as UsageReportResult<
        Decided<Loaded>
      >;
    },
    save: async (tx: DbTx, before: Loaded, next: Loaded) => saveReportChange(tx, before.report, next.report),
    after: async (tx: DbTx, next: Loaded) => {
      await emitSubmission(tx, next, now);
      if (next.report.state === "rejected" && next.report.decisions.at(-1)?.receivedAt.getTime() === now.getTime())
        await enqueueRejectionNotice(tx, next.report, next.account);
    },
  };
}

/** A submission, by a person or the schedule, leaves with its event in the same transaction. */
async function emitSubmission(tx: DbTx, { report, account }: Loaded, now: Date): Promise<void> {
  if (report.state !== "in_review" || report.submission?.at.getTime() !== now.getTime()) return;
  await emitEvent(tx, usageReportSubmitted, {
    organisationId: report.organisationId,
    id: submissionEventId(report.id, report.version),
    data: submittedEvent(report, account),
    now,
  });
}

async function run(db: Db, organisationId: string, reportId: string, decide: Decide, who: { actorId?: string; actorName: string }, now: Date) {
  const outcome = await decideOnce(db, steps(organisationId, reportId, decide, who, now));
  return toOutcome(outcome);
}

function toOutcome(outcome: Awaited<ReturnType<typeof decideOnce<Loaded, Loaded, UsageReportRefusal>>>): ReportOutcome {
  if (outcome.outcome === "decided") return { kind: "changed", report: outcome.record.report };
  if (outcome.outcome === "unchanged") return { kind: "unchanged", report: outcome.record.report };
  if (outcome.outcome === "refused") return { kind: "refused", refusal: outcome.refusal, report: outcome.record.report };
  return { kind: "refused", refusal: { code: "not_found", facts: {} } };
}

const personOf = (actor: UsageReportActor) => ({ actorId: actor.userId, actorName: actor.name });

export function saveDraftOnce(db: Db, command: { organisationId: string; reportId: string; edit: TReportEdit; actor: UsageReportActor; now: Date }) {
  const { organisationId, reportId, edit, actor, now } = command;
  return run(db, organisationId, reportId, (report) => saveDraft(report, edit, actor, now), personOf(actor), now);
}

export function submitOnce(db: Db, command: { organisationId: string; reportId: string; edit: TReportEdit; actor: UsageReportActor; now: Date }) {
  const { organisationId, reportId, edit, actor, now } = command;
  return run(db, organisationId, reportId, (report) => submitReport(report, edit, actor, now), personOf(actor), now);
}

/** The schedule's submission of one due report; a report someone else submitted meanwhile is refused, untouched. */
export function autoSubmitOnce(db: Db, command: { organisationId: string; reportId: string; now: Date }) {
  const { organisationId, reportId, now } = command;
  return run(db, organisationId, reportId, (report) => autoSubmitReport(report, now), { actorName: PLATFORM_ACTOR.name }, now);
}

/** The distributor's decision, idempotent by its id. */
export async function recordDecision(db: Db, organisationId: string, decision: TDistributorDecision, now: Date): Promise<ReportOutcome> {
  const report = await findReportByPlatformId(db, organisationId, decision.platformReportId);
  if (!report) return { kind: "refused", refusal: { code: "not_found", facts: {} } };
  return run(db, organisationId, report.id, (current) => decideReport(current, decision, now), { actorName: DISTRIBUTOR_ACTOR }, now);
}

/** The distributor's decision inside the caller's transaction (an import); LOST_RACE when the report moved meanwhile. */
export async function recordDecisionIn(tx: DbTx, organisationId: string, decision: TDistributorDecision, now: Date): Promise<ReportOutcome | typeof LOST_RACE> {
  const report = await findReportByPlatformId(tx, organisationId, decision.platformReportId);
  if (!report) return { kind: "refused", refusal: { code: "not_found", facts: {} } };
  const outcome = await decideOnceIn(
    tx,
    steps(organisationId, report.id, (current) => decideReport(current, decision, now), { actorName: DISTRIBUTOR_ACTOR }, now),
  );
  return outcome === LOST_RACE ? LOST_RACE : toOutcome(outcome);
}

/** Who history names for the distributor's decisions. */
export const DISTRIBUTOR_ACTOR = "Distributor";

/**
 * The platform's report, created or updated while in preparation, inside the caller's
 * transaction (an import applies a file in one). Answers LOST_RACE when the report moved meanwhile.
 */
export async function receivePlatformReportIn(
  tx: DbTx,
  account: MspAccount,
  input: TPlatformReport,
  context: { timeZone: string; now: Date },
): Promise<ReportOutcome | typeof LOST_RACE> {
  const existing = await findReportByPlatformId(tx, account.organisationId, input.platformReportId);
  const who = { actorName: PLATFORM_ACTOR.name };
  if (!existing) {
    const decided = receivePlatformReport(undefined, input, account, { id: randomUUID(), ...context });
    if (!decided.ok) return { kind: "refused", refusal: decided.refusal };
    const { record, audit } = decided.value;
    await insertReport(tx, record);
    if (audit) await appendAudit(tx, reportAuditEntry(record, audit, who, context.now));
    return { kind: "changed", report: record };
  }
  const outcome = await decideOnceIn(
    tx,
    steps(account.organisationId, existing.id, (report) => receivePlatformReport(report, input, account, { id: report.id, ...context }), who, context.now),
  );
  return outcome === LOST_RACE ? LOST_RACE : toOutcome(outcome);
}
