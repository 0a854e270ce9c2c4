// Closing an engagement (DOMAIN.md section 1): the client asks for completion; an approver
// approves it (completed) or rejects the request, which in the vendor's portal deletes the
// engagement. We never delete: a rejected completion retires the record and keeps its history.
import { type Engagement, type EngagementState, type Transition, REJECTION_REASON_MAX, eventFor } from "./engagements";
import { checkNotBefore, checkNotInFuture } from "../../../platform/domain/reported-time";
import { type Result, accept, refuse } from "../../../platform/domain/result";
import type { Actor } from "../../../platform/domain/roles";
import { normaliseFreeText } from "../../../platform/domain/text";
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
  const note = normaliseFreeText(request.note);
  if (note.length > COMPLETION_NOTE_MAX) return refuse("reason_too_long", { max: COMPLETION_NOTE_MAX });
  const next: Engagement = { ...engagement, state: "completion_requested", version: engagement.version + 1 };
  const requestedBy = normaliseFreeText(request.requestedBy);
  const actor = requestedBy ? { ...CLIENT_ACTOR, name: requestedBy } : CLIENT_ACTOR;
  const event = eventFor(next, "completion_requested", actor, requestedAt, note || undefined);
  return accept({ kind: "requested", transition: { engagement: next, events: [event] } });
}

export type CompletionDecisionCommand = { kind: "approve" } | { kind: "reject"; reason?: string };

const AFTER_COMPLETION: Partial<Record<EngagementState, true>> = { completed: true, retired: true };

export function decideCompletion(
  engagement: Engagement,
  command: CompletionDecisionCommand,
  actor: Actor,
  now: Date,
): Result<Transition> {
  if (engagement.organisationId !== actor.organisationId) return refuse("not_found");
  if (!can(actor.role, "engagement.complete")) return refuse("not_permitted", { role: actor.role });
  if (AFTER_COMPLETION[engagement.state]) return refuse("already_decided", { state: engagement.state, reference: engagement.reference });
  if (engagement.state !== "completion_requested") {
    return refuse("completion_not_requested", { state: engagement.state, reference: engagement.reference });
  }
  const reason = command.kind === "reject" ? normaliseFreeText(command.reason) : undefined;
  if (command.kind === "reject") {
    if (!reason) return refuse("reason_required");
    if (reason.length > REJECTION_REASON_MAX) return refuse("reason_too_long", { max: REJECTION_REASON_MAX });
  }
  const state: EngagementState = command.kind === "approve" ? "completed" : "retired";
  const next: Engagement = { ...engagement, state, version: engagement.version + 1, ...(command.kind === "approve" ? { completedAt: now } : {}) };
  const action = command.kind === "approve" ? "completed" : "completion_rejected";
  return accept({ engagement: next, events: [eventFor(next, action, actor, now, reason)] });
}
