// The card billing users and admins get the moment a provider account appears, enqueued in the
// outbox IN the transaction that records the account (the model: engagements'
// billing-notifications.ts): if the account is saved, they hear of it; if not, nobody does. The
// stored payload holds facts (names, scores, reason codes), worded at delivery in each reader's
// language; its button opens the account's card, with every suggestion's Map button and the search.
import type { DbTx } from "../../../platform/store/db";
import { listUsersWithRoles } from "../../../platform/store/organisations";
import { enqueueNotification } from "../../../platform/store/outbox";
import { providerAccountPermissions } from "../domain/permissions";
import type { ProviderAccount } from "../domain/provider-accounts";
import { suggestionsFor } from "./suggestions";

export const ACCOUNT_APPEARED_KIND = "providerAccount.appeared";

/** Who maps: billing users and admins. */
export const MAPPER_ROLES = [...providerAccountPermissions.rolesWith("providerAccount.map")];

export async function enqueueAccountAppearedNotices(tx: DbTx, account: ProviderAccount, now: Date): Promise<number> {
  const mappers = await listUsersWithRoles(tx, account.organisationId, MAPPER_ROLES);
  const suggestions = await suggestionsFor(tx, account);
  const values: Record<string, string | number> = {
    name: account.name,
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    domains: account.domains.join(", "),
    hasDomains: account.domains.length > 0 ? "yes" : "no",
    count: suggestions.length,
  };
  suggestions.forEach((suggestion, index) => {
    values[`s${index + 1}Name`] = suggestion.customer.name;
    values[`s${index + 1}Score`] = suggestion.score;
    values[`s${index + 1}Reason`] = suggestion.reasons[0] ?? "similar_name";
  });
  for (const mapper of mappers) {
    await enqueueNotification(tx, {
      organisationId: account.organisationId,
      recipientAadObjectId: mapper.aadObjectId,
      kind: ACCOUNT_APPEARED_KIND,
      // An account appears once: one notice per account and person, whatever the replays.
      dedupeKey: `provider-account-appeared:${account.id}:${mapper.aadObjectId}`,
      now,
      payload: {
        messageKey: "providerAccount.notification.appeared",
        titleKey: "providerAccount.card.newTitle",
        values,
        open: { verb: "providerAccount.open", data: { providerAccountId: account.id }, titleKey: "providerAccount.action.openToMap" },
      },
    });
  }
  return mappers.length;
}
