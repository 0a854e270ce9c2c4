// A monthly usage report (DOMAIN.md section 2): the reporting platform prepares one per MSP
// account and cycle, one line per product or service with the units it counted as provisioned
// and the billable units the MSP declares. The MSP edits it while in preparation or rejected,
// submits it (or the platform does, automatically), and the distributor approves or rejects it.
// `version` grows by one with every change and guards the store's conditional update.
import type { Role } from "../../../platform/domain/roles";

export const USAGE_REPORT_STATES = ["in_preparation", "in_review", "approved", "rejected"] as const;
export type UsageReportState = (typeof USAGE_REPORT_STATES)[number];

/** The only states in which anyone may change a report; in review and approved are read-only for everyone. */
export const EDITABLE_STATES: readonly UsageReportState[] = ["in_preparation", "rejected"];

export function isEditable(report: Pick<UsageReport, "state">): boolean {
  return EDITABLE_STATES.includes(report.state);
}

/** The person behind a command, as the server knows them (never as card data claims). */
export interface UsageReportActor {
  userId: string;
  name: string;
  role: Role;
}

export interface UsageReportLine {
  /** The platform's id of the line (its product or service within the report). */
  id: string;
  /** "Product/Service". */
  product: string;
  /** The type of licence unit, e.g. "license seats", "GB-months". */
  unit: string;
  /** What the platform counted: exact decimal string. */
  provisionedUnits: string;
  /** What the platform proposed as chargeable (its used units, or the provisioned ones). */
  platformBillableUnits: string;
  /** What the MSP declares ("Chargeable units"): exact decimal string. */
  billableUnits: string;
  comment?: string;
  /** Once the MSP changed the billable units, the platform's later counts no longer overwrite them. */
  billableSetByMsp: boolean;
  /** The report version of this line's last change: a save from an older card sees it changed. */
  changedInVersion: number;
  changedBy?: { userId: string; name: string; at: Date };
}

export type DiscrepancyKind = "over_provisioned" | "under_provisioned";

/** A discrepancy left without a comment when the platform submitted the report: charged on the larger count. */
export interface Penalty {
  lineId: string;
  product: string;
  unit: string;
  provisionedUnits: string;
  billableUnits: string;
  chargedUnits: string;
  kind: DiscrepancyKind;
}

export type Submission = { how: "manual"; at: Date; by: { userId: string; name: string } } | { how: "automatic"; at: Date; dueAt: Date; penalties: Penalty[] };

export interface LineNote {
  lineId: string;
  note: string;
}

export interface DistributorDecisionRecord {
  decisionId: string;
  outcome: "approved" | "rejected";
  /** The distributor's note on the whole report. */
  note?: string;
  lineNotes: LineNote[];
  decidedAt: Date;
  receivedAt: Date;
}

export interface UsageReport {
  id: string;
  organisationId: string;
  accountId: string;
  /** The platform's id of the report: imports and the inbound route are idempotent by it. */
  platformReportId: string;
  /** The reporting cycle, "YYYY-MM". */
  cycle: string;
  /** When the platform opened the report: the automatic submission counts its days from here. */
  openedAt: Date;
  /**
   * When the platform submits it if nobody has (auto-submission.ts), fixed when the report opens:
   * a later change of the account's delay or the organisation's zone applies to later reports.
   */
  autoSubmitAt: Date;
  state: UsageReportState;
  version: number;
  lines: UsageReportLine[];
  /** The latest submission, by a person or by the platform. */
  submission?: Submission;
  /** Every distributor decision, oldest first. */
  decisions: DistributorDecisionRecord[];
  lastChange?: { userId: string; name: string; at: Date };
}

export function lastDecision(report: Pick<UsageReport, "decisions">): DistributorDecisionRecord | undefined {
  return report.decisions[report.decisions.length - 1];
}

/** The distributor's notes a rejected report shows next to its lines; none once it is resubmitted. */
export function openRejection(report: Pick<UsageReport, "state" | "decisions">): DistributorDecisionRecord | undefined {
  const decision = lastDecision(report);
  return report.state === "rejected" && decision?.outcome === "rejected" ? decision : undefined;
}

/** Who a refusal names for a report's current state: its submitter, or the distributor's decision. */
export function stateFacts(report: Pick<UsageReport, "state" | "submission" | "decisions">): Record<string, string | Date | undefined> {
  const decision = lastDecision(report);
  if ((report.state === "approved" || report.state === "rejected") && decision) {
    return { state: report.state, how: "distributor", by: "", at: decision.decidedAt };
  }
  const submission = report.submission;
  if (!submission) return { state: report.state, how: "none", by: "", at: undefined };
  return { state: report.state, how: submission.how, by: submission.how === "manual" ? submission.by.name : "", at: submission.at };
}

/** A cycle is a calendar month, "YYYY-MM". */
export const CYCLE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isCycle(value: string): boolean {
  return CYCLE_PATTERN.test(value);
}

export const USAGE_REPORT_ACTIONS = ["opened", "platform_updated", "draft_saved", "submitted", "submitted_automatically", "approved", "rejected"] as const;
export type UsageReportAction = (typeof USAGE_REPORT_ACTIONS)[number];

/** One history entry; who and when are added by the store. */
export interface UsageReportAudit {
  action: UsageReportAction;
  reason?: string;
  before?: object;
  after?: object;
}

/** What a transition returns: the next record and its history entry. */
export interface UsageReportChange {
  record: UsageReport;
  audit: UsageReportAudit;
}

/** A command that changes nothing (the same values sent again): nothing to write, no history. */
export interface UsageReportReplay {
  record: UsageReport;
  audit: undefined;
}
