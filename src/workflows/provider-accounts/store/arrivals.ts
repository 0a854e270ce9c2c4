// A provider account reaching us (import or inbound API): recorded and, when it is new, its card
// enqueued for billing users and admins in the same transaction, so nobody hears of an account
// that was not saved and every saved account is heard of.
import type { Db, DbTx } from "../../../platform/store/db";
import { retryLostRaces } from "../../../platform/store/decide-once";
import type { TProviderAccountImport } from "../domain/provider-accounts";
import { enqueueAccountAppearedNotices } from "./notifications";
import { type ArrivalOutcome, receiveProviderAccountIn } from "./provider-accounts";

export async function receiveAndAnnounceIn(
  tx: DbTx,
  organisationId: string,
  row: TProviderAccountImport,
  now: Date,
  actorName: string,
): Promise<ArrivalOutcome> {
  const received = await receiveProviderAccountIn(tx, organisationId, row, now, actorName);
  if (received.ok && received.value.outcome === "appeared") await enqueueAccountAppearedNotices(tx, received.value.account, now);
  return received;
}

/** One arrival in its own transaction; two deliveries of it racing store it once. */
export function receiveAndAnnounce(db: Db, organisationId: string, row: TProviderAccountImport, now: Date, actorName: string): Promise<ArrivalOutcome> {
  return retryLostRaces(() => db.$transaction((tx) => receiveAndAnnounceIn(tx, organisationId, row, now, actorName)));
}
