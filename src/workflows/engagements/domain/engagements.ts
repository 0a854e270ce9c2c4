// Managed-service engagements (DOMAIN.md section 1): a client's request waits as pending
// until an approver approves it or rejects it with a reason. Every decision appends a history
// event and bumps the version the store uses for its conditional update.
import type { Actor } from "../../../platform/domain/roles";
import { can } from "./permissions";
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { normaliseFreeText } from "../../../platform/domain/text";

export const ENGAGEMENT_STATES = ["pending", "approved", "rejected", "completion_requested", "completed", "retired"] as const;
export type EngagementState = (typeof ENGAGEMENT_STATES)[number];

export const REJECTION_REASON_MAX = 500;

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

export type EngagementDecisionCommand = { kind: "approve" } | { kind: "reject"; reason?: string };

export function decideEngagement(
  engagement: Engagement,
  command: EngagementDecisionCommand,
  actor: Actor,
  now: Date,
): Result<Transition> {
  if (engagement.organisationId !== actor.organisationId) return refuse("not_found");
  if (!can(actor.role, "engagement.decide")) return refuse("not_permitted", { role: actor.role });
  if (engagement.state !== "pending") {
    return refuse("already_decided", {
      state: engagement.state,
      by: engagement.decision?.byName,
      at: engagement.decision?.at,
    });
  }
  const reason = command.kind === "reject" ? normaliseFreeText(command.reason) : undefined;
  if (command.kind === "reject") {
    if (!reason) return refuse("reason_required");
    if (reason.length > REJECTION_REASON_MAX) return refuse("reason_too_long", { max: REJECTION_REASON_MAX });
  }
  const state: EngagementState = command.kind === "approve" ? "approved" : "rejected";
  const decision: EngagementDecision = { at: now, byId: actor.aadObjectId, byName: actor.name, ...(reason ? { reason } : {}) };
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
