// Tells an organisation's admins in Teams, once per failing period, that its webhook endpoint
// is not answering: events wait and are retried, and the cards say so meanwhile.
import type { DbTx } from "../store/db";
import { listUsersWithRoles } from "../store/organisations";
import { enqueueNotification } from "../store/outbox";

export async function tellAdminsOfFailure(db: DbTx, endpoint: { id: string; organisationId: string; url: string }, since: Date, now: Date): Promise<void> {
  for (const admin of await listUsersWithRoles(db, endpoint.organisationId, ["admin"])) {
    await enqueueNotification(db, {
      organisationId: endpoint.organisationId,
      recipientAadObjectId: admin.aadObjectId,
      kind: "events.endpointFailing",
      dedupeKey: `webhook-failing:${endpoint.id}:${since.toISOString()}:${admin.aadObjectId}`,
      payload: {
        messageKey: "events.notice.failing",
        titleKey: "events.notice.failingTitle",
        values: { url: endpoint.url, since: { type: "date", at: since.toISOString() } },
        open: { verb: "integrations.open", data: {}, titleKey: "integrations.openIntegration" },
      },
      now,
    });
  }
}
