// Managed-service engagements (DOMAIN.md section 1): a client's request waits as pending
// until an approver approves it or rejects it with a reason. Every decision appends a history
// event and bumps the version the store uses for its conditional update.
import { DECISION_REASON_MAX, type DecisionCommand, type DecisionRules, decideApproval } from "../../../platform/domain/decision";
import type { Actor } from "../../../platform/domain/roles";
import { can } from "./permissions";
import { type Result, accept } from "../../../platform/domain/result";

export const ENGAGEMENT_STATES = ["pending", "approved", "rejected", "completion_requested", "completed", "retired"] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

export const REJECTION_REASON_MAX = DECISION_REASON_MAX;

export interface EngagementDecision {
  at: Date;
  byId: string;
  byName: string;
  reason?: string;
}

export interface Engagement {
  id: string;
  organisationId: string;
  externalId: string;
  reference: string;
  title: string;
  clientName: string;
  productName: string;
  description?: string;
  requestedBy?: string;
  requestedAt: Date;
  state: EngagementState;
  version: number;
  decision?: EngagementDecision;
  /** When it was marked complete: months up to this one can still be billed while their windows are open. */
  completedAt?: Date;
}

export const ENGAGEMENT_ACTIONS = [
  "created",
  "updated",
  "approved",
  "rejected",
  "completion_requested",
  "completed",
  "completion_rejected",
  "billing_submitted",
  "billing_rated",
  "billing_rejected",
] as const;
export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number] | (string & {});

export interface EngagementEvent {
  engagementId: string;
  organisationId: string;
  /** The version this event produced: unique per engagement. */
  sequence: number;
  at: Date;
  action: EngagementAction;
  actorId?: string;
  actorName: string;
  reason?: string;
  details?: Record<string, unknown>;
}

export interface Transition {
  engagement: Engagement;
  events: EngagementEvent[];
}

export type EngagementDecisionCommand = DecisionCommand;

export function decideEngagement(engagement: Engagement, command: EngagementDecisionCommand, actor: Actor, now: Date): Result<Transition> {
  const rules: DecisionRules = {
    organisationId: engagement.organisationId,
    permitted: can(actor.role, "engagement.decide"),
    reasonMax: REJECTION_REASON_MAX,
    ...(engagement.state !== "pending" ? { decided: { state: engagement.state, by: engagement.decision?.byName, at: engagement.decision?.at } } : {}),
  };
  const verdict = decideApproval(rules, command, actor, now);
  if (!verdict.ok) return verdict;
  const { approved, reason, ...by } = verdict.value;
  const state: EngagementState = approved ? "approved" : "rejected";
  const decision: EngagementDecision = { ...by, ...(reason ? { reason } : {}) };
  const next: Engagement = { ...engagement, state, version: engagement.version + 1, decision };
  return accept({ engagement: next, events: [eventFor(next, state, actor, now, reason)] });
}

export function eventFor(
  engagement: Engagement,
  action: EngagementAction,
  actor: Pick<Actor, "aadObjectId" | "name">,
  at: Date,
  reason?: string,
  details?: Record<string, unknown>,
): EngagementEvent {
  return {
    engagementId: engagement.id,
    organisationId: engagement.organisationId,
    sequence: engagement.version,
    at,
    action,
    actorId: actor.aadObjectId,
    actorName: actor.name,
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
  };
}

/** Active lists leave out what is finished with. */
export function isActive(engagement: Pick<Engagement, "state">): boolean {
  return engagement.state !== "rejected" && engagement.state !== "retired" && engagement.state !== "completed";
}

/**
 * Normalises what people type for an engagement id: "ENG-1042", "eng 1042", "eng1042",
 * "#1042" and "1042" all mean ENG-1042.
 */
export function normaliseEngagementReference(input: string): string | undefined {
  const match = /^\s*#?\s*(?:eng[\s_-]*)?(\d{1,9})\s*$/i.exec(input);
  return match ? `ENG-${match[1]}` : undefined;
}
