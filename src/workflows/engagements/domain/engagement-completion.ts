// Closing an engagement (DOMAIN.md section 1): the client asks for completion; an approver
// approves it (completed) or rejects the request, which in the vendor's portal deletes the
// engagement. We never delete: a rejected completion retires the record and keeps its history.
import { type Engagement, type EngagementState, type Transition, REJECTION_REASON_MAX, eventFor } from "./engagements";
import { checkNotBefore, checkNotInFuture } from "../../../platform/domain/reported-time";
import { type Result, accept, refuse } from "../../../platform/domain/result";
import { type DecisionCommand, type DecisionRules, decideApproval } from "../../../platform/domain/decision";
import type { Actor } from "../../../platform/domain/roles";
import { can } from "./permissions";

export const COMPLETION_NOTE_MAX = 1000;

export interface CompletionRequest {
  /** When the client asked; when the portal does not say, when we heard of it. */
  requestedAt?: Date;
  /** The client's contact, as the vendor's portal names them. */
  requestedBy?: string;
  note?: string;
}

/** Who history shows for a request that came from the client through the vendor's portal. */
export const CLIENT_ACTOR = { aadObjectId: "client", name: "Client" } as const;

export type CompletionRequestOutcome = { kind: "requested"; transition: Transition } | { kind: "unchanged"; engagement: Engagement };

/**
 * Puts an approved engagement in "completion_requested". A request already recorded (the
 * same import run twice) changes nothing; one dated after `now` (beyond the clock-skew
 * allowance) is refused.
 */
export function requestCompletion(engagement: Engagement, request: CompletionRequest, now: Date): Result<CompletionRequestOutcome> {
  const requestedAt = request.requestedAt ?? now;
  const timely = checkNotInFuture("requestedAt", requestedAt, now);
  if (!timely.ok) return timely;
  if (engagement.state === "completion_requested") return accept({ kind: "unchanged", engagement });
  if (engagement.state !== "approved") {
    return refuse("invalid_state", { state: engagement.state, reference: engagement.reference });
  }
  if (engagement.decision) {
    const ordered = checkNotBefore("requestedAt", requestedAt, engagement.decision.at, "approval");
    if (!ordered.ok) return ordered;
  }
  const note = (request.note ?? "").trim();
  if (note.length > COMPLETION_NOTE_MAX) return refuse("reason_too_long", { max: COMPLETION_NOTE_MAX });
  const next: Engagement = { ...engagement, state: "completion_requested", version: engagement.version + 1 };
  const actor = request.requestedBy?.trim() ? { ...CLIENT_ACTOR, name: request.requestedBy.trim() } : CLIENT_ACTOR;
  const event = eventFor(next, "completion_requested", actor, requestedAt, note || undefined);
  return accept({ kind: "requested", transition: { engagement: next, events: [event] } });
}

export type CompletionDecisionCommand = DecisionCommand;

const AFTER_COMPLETION: Partial<Record<EngagementState, true>> = { completed: true, retired: true };

export function decideCompletion(engagement: Engagement, command: CompletionDecisionCommand, actor: Actor, now: Date): Result<Transition> {
  const facts = { state: engagement.state, reference: engagement.reference };
  const rules: DecisionRules = {
    organisationId: engagement.organisationId,
    permitted: can(actor.role, "engagement.complete"),
    reasonMax: REJECTION_REASON_MAX,
    ...(AFTER_COMPLETION[engagement.state] ? { decided: facts } : {}),
    ...(engagement.state !== "completion_requested" ? { notOpen: { code: "completion_not_requested", facts } } : {}),
  } as const;
  const verdict = decideApproval(rules, command, actor, now);
  if (!verdict.ok) return verdict;
  const { approved, reason } = verdict.value;
  const state: EngagementState = approved ? "completed" : "retired";
  const next: Engagement = { ...engagement, state, version: engagement.version + 1, ...(approved ? { completedAt: now } : {}) };
  const action = approved ? "completed" : "completion_rejected";
  return accept({ engagement: next, events: [eventFor(next, action, actor, now, reason)] });
}
