// The organisation's site-access settings: the days a request may wait before its deciders are
// reminded. Changed by an admin, audited, saved with a version check.
import type { Actor as PartnerActor } from "../../../platform/domain/roles";
import { appendAudit } from "../../../platform/store/audit";
import type { Db, DbTx } from "../../../platform/store/db";
import { LOST_RACE, retryLostRaces } from "../../../platform/store/decide-once";
import { accept, refuse, type Result } from "../../../platform/domain/result";
import { PENDING_SLA_DAYS_DEFAULT, parsePendingSlaDays } from "../domain/pending-reminders";
import type { SiteAccessRefusal } from "../domain/refusals";

export const SETTINGS_RECORD_KIND = "siteAccessSettings";

export async function pendingSlaDays(db: DbTx, organisationId: string): Promise<number> {
  const row = await db.siteAccessSettings.findUnique({ where: { organisationId } });
  return row?.pendingSlaDays ?? PENDING_SLA_DAYS_DEFAULT;
}

/** An admin sets the number of days; the same number again changes nothing. */
export function setPendingSlaDays(db: Db, actor: PartnerActor, input: string | number, now: Date): Promise<Result<number, SiteAccessRefusal>> {
  if (actor.role !== "admin") return Promise.resolve(refuse("not_permitted", { role: actor.role }));
  const days = parsePendingSlaDays(input);
  if (!days.ok) return Promise.resolve(days);
  const organisationId = actor.organisationId;
  return retryLostRaces(() =>
    db.$transaction(async (tx) => {
      const row = await tx.siteAccessSettings.findUnique({ where: { organisationId } });
      const before = row?.pendingSlaDays ?? PENDING_SLA_DAYS_DEFAULT;
      if (before === days.value && row) return accept(days.value);
      const version = row ? row.version + 1 : 0;
      if (row) {
        const saved = await tx.siteAccessSettings.updateMany({
          where: { organisationId, version: row.version },
          data: { pendingSlaDays: days.value, version },
        });
        if (saved.count !== 1) return LOST_RACE;
      } else {
        await tx.siteAccessSettings.create({ data: { organisationId, pendingSlaDays: days.value, version } });
      }
      await appendAudit(tx, {
        organisationId,
        recordKind: SETTINGS_RECORD_KIND,
        recordId: organisationId,
        recordVersion: version,
        at: now,
        action: "settings_changed",
        actorId: actor.aadObjectId,
        actorName: actor.name,
        before: { pendingSlaDays: before },
        after: { pendingSlaDays: days.value },
      });
      return accept(days.value);
    }),
  );
}
