// Card actions on provider accounts: open, search for another customer record, map, remap, unmap,
// and the unmapped list's next page. The ids in the card data are only pointers: the account and
// the customer record are re-loaded within the actor's organisation and the role re-checked by
// the domain on every click.
import { z } from "zod";
import { type ActionOutcome, type ActionScope, defineAction } from "../../../platform/bot/actions/types";
import { refusalText } from "../../../platform/i18n/refusal-words";
import { invitationsCard, providerAccountCardFor, unmappedListCard } from "../answers";
import { type MappingCommand, changeMappingOnce, findProviderAccount } from "../store/provider-accounts";

export const REFUSAL_WORDS = "providerAccount";
const id = z.string().min(1).max(64);

const ZAccountRefSchema = z.object({ providerAccountId: id });
const ZSearchSchema = ZAccountRefSchema.extend({ query: z.string().max(200).optional() });
const ZPickSchema = ZAccountRefSchema.extend({ customerRecordId: id, reason: z.string().max(10_000).optional() });
const ZUnmapSchema = ZAccountRefSchema.extend({ reason: z.string().max(10_000).optional() });
const ZListPageSchema = z.object({
  afterAppearedAt: z.iso.datetime().optional().catch(undefined),
  afterId: z.string().max(64).optional().catch(undefined),
});

function notFound(scope: ActionScope): ActionOutcome {
  return { message: refusalText(scope.t, { code: "not_found", facts: {} }, REFUSAL_WORDS) };
}

async function open(scope: ActionScope, data: z.infer<typeof ZSearchSchema>): Promise<ActionOutcome> {
  const account = await findProviderAccount(scope.services.db, scope.organisation.id, data.providerAccountId);
  if (!account) return notFound(scope);
  return { card: await providerAccountCardFor(scope, account, data.query !== undefined ? { query: data.query } : {}) };
}

async function change(scope: ActionScope, accountId: string, command: MappingCommand): Promise<ActionOutcome> {
  const outcome = await changeMappingOnce(scope.services.db, scope.actor, accountId, command, scope.now);
  if (outcome.outcome === "not_found") return notFound(scope);
  if (outcome.outcome === "refused") {
    // Mapped by someone else, before our click or during it: the card says who, to what.
    const style = outcome.refusal.code === "already_mapped" ? "accent" : "attention";
    const notice = { text: refusalText(scope.t, outcome.refusal, REFUSAL_WORDS), style } as const;
    return { card: await providerAccountCardFor(scope, outcome.record.account, { notice }) };
  }
  if (outcome.outcome === "unchanged") return { card: await providerAccountCardFor(scope, outcome.record.account) };
  const { record } = outcome.record;
  const key = command.kind === "map" ? "mapped" : command.kind === "remap" ? "remapped" : "unmapped";
  const notice = { text: scope.t.t(`providerAccount.notice.${key}`, { customerName: record.mapping?.customerName ?? "" }), style: "good" } as const;
  return { card: await providerAccountCardFor(scope, record, { notice }) };
}

export const providerAccountActions = {
  "providerAccount.open": defineAction(ZAccountRefSchema, false, (scope, data) => open(scope, data)),
  "providerAccount.search": defineAction(ZSearchSchema, false, (scope, data) => open(scope, { ...data, query: data.query ?? "" })),
  "providerAccount.map": defineAction(ZPickSchema, true, (scope, data) =>
    change(scope, data.providerAccountId, { kind: "map", customerRecordId: data.customerRecordId }),
  ),
  "providerAccount.remap": defineAction(ZPickSchema, true, (scope, data) =>
    change(scope, data.providerAccountId, {
      kind: "remap",
      customerRecordId: data.customerRecordId,
      ...(data.reason !== undefined ? { reason: data.reason } : {}),
    }),
  ),
  "providerAccount.unmap": defineAction(ZUnmapSchema, true, (scope, data) =>
    change(scope, data.providerAccountId, { kind: "unmap", ...(data.reason !== undefined ? { reason: data.reason } : {}) }),
  ),
  "providerAccount.listUnmapped": defineAction(ZListPageSchema, false, async (scope, data) => ({
    card: await unmappedListCard(scope, data.afterAppearedAt && data.afterId ? { appearedAt: new Date(data.afterAppearedAt), id: data.afterId } : undefined),
  })),
  "providerAccount.listInvitations": defineAction(z.object({}), false, async (scope) => ({ card: await invitationsCard(scope) })),
};
