// Marking a line item quoted, renewed or lost through the platform's decide-once: loaded in the
// transaction within the actor's organisation, decided by the domain, saved with the version
// check, its history appended and its outbound event written, all at once.
import type { Actor } from "../../../platform/domain/roles";
import { emitEvent } from "../../../platform/events/emit";
import type { Db } from "../../../platform/store/db";
import { type DecideOnceOutcome, decideOnce } from "../../../platform/store/decide-once";
import type { RenewalLineItem } from "../domain/line-items";
import type { RenewalRefusal } from "../domain/refusals";
import { type RenewalCommand, workRenewal } from "../domain/renewal-outcomes";
import { renewalEventOf, renewalOutcomeData } from "../events";
import { findLineItem, lineItemAudit, saveLineItemVersion, versionedChange } from "./line-items";

export type RenewalOutcome = DecideOnceOutcome<RenewalLineItem, RenewalLineItem, RenewalRefusal>;

export function workRenewalOnce(db: Db, actor: Actor, lineItemId: string, command: RenewalCommand, now: Date): Promise<RenewalOutcome> {
  const domainActor = { userId: actor.aadObjectId, name: actor.name, role: actor.role };
  return decideOnce<RenewalLineItem, RenewalLineItem, RenewalRefusal>(db, {
    load: (tx) => findLineItem(tx, actor.organisationId, lineItemId),
    decide: (item) => {
      const worked = workRenewal(item, command, domainActor);
      if (!worked.ok) return worked;
      if (worked.value.audit.length === 0) return { ok: true, value: { unchanged: true } };
      const next = versionedChange(item, worked.value.record, worked.value.audit.length);
      return { ok: true, value: { next, audit: lineItemAudit(next, worked.value.audit, { actorId: actor.aadObjectId, actorName: actor.name }, now) } };
    },
    save: saveLineItemVersion,
    after: async (tx, next) => {
      await emitEvent(tx, renewalEventOf(next), { organisationId: next.organisationId, data: renewalOutcomeData(next, actor.name, now), now });
    },
  });
}
