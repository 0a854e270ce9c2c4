// Teams messages the team's changes owe people, enqueued in the change's transaction: every
// admin hears of a role request, with the request one click away; the asker hears the decision.
import type { DbTx } from "../store/db";
import { listUsersWithRoles } from "../store/organisations";
import { enqueueNotification } from "../store/outbox";
import type { RoleRequest } from "./rules";

export const ROLE_REQUEST_KIND = "team.role-request";
export const ROLE_DECISION_KIND = "team.role-decision";

export async function enqueueRequestNotices(tx: DbTx, request: RoleRequest, now: Date): Promise<void> {
  for (const admin of await listUsersWithRoles(tx, request.organisationId, ["admin"])) {
    await enqueueNotification(tx, {
      organisationId: request.organisationId,
      recipientAadObjectId: admin.aadObjectId,
      kind: ROLE_REQUEST_KIND,
      dedupeKey: `role-request:${request.id}:${admin.aadObjectId}`,
      now,
      payload: {
        messageKey: "team.notification.requested",
        titleKey: "team.notification.requestedTitle",
        values: { name: request.requesterName, role: request.role, note: request.note ?? "" },
        open: { verb: "team.request", data: { requestId: request.id }, titleKey: "team.review" },
      },
    });
  }
}

export async function enqueueDecisionNotice(tx: DbTx, request: RoleRequest, now: Date): Promise<void> {
  const approved = request.state === "approved";
  await enqueueNotification(tx, {
    organisationId: request.organisationId,
    recipientAadObjectId: request.requesterAadObjectId,
    kind: ROLE_DECISION_KIND,
    dedupeKey: `role-decision:${request.id}`,
    now,
    payload: {
      messageKey: approved ? "team.notification.approved" : "team.notification.rejected",
      titleKey: "team.notification.decidedTitle",
      values: { role: request.role, by: request.decidedByName ?? "", reason: request.decisionReason ?? "" },
      open: { verb: "team.ask", data: {}, titleKey: "team.notification.openRole" },
    },
  });
}
