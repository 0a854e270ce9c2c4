// Who is acting, for which organisation, in which language: resolved on the server from the
// activity's authenticated envelope (tenant, Entra object id), never from card data.
import type { TurnContext } from "botbuilder";
import { isOpenLocalMode } from "../config";
import { isIanaTimeZone } from "../domain/time-zone";
import { resolveLocale } from "../i18n/locale";
import { type Translator, translator } from "../i18n/translator";
import type { Services } from "../services";
import { ensureOrganisation, ensureUser, type Organisation, type PartnerUser, setUserRole } from "../store/organisations";
import { type KnownConversation, readTurnRecords } from "../store/turn-records";

export interface TurnScope {
  services: Services;
  organisation: Organisation;
  actor: PartnerUser;
  t: Translator;
  now: Date;
  activityId: string;
  /** Personal chats show the reader's own view; group chats and channels a shared one. */
  conversationType: "personal" | "groupChat" | "channel";
  /** The activity's conversation as stored when the turn began (null: not stored). */
  storedConversation: KnownConversation | null;
}

export type ScopeRefusal = "tenant_not_allowed" | "no_identity";

/** A tenant id stands in for local use, where the Playground or Bot Emulator may send none. */
const LOCAL_TENANT_ID = "local";

export function tenantIdOf(context: TurnContext): string | undefined {
  const { activity } = context;
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const tenant = activity.conversation?.tenantId ?? (typeof channelTenant === "string" ? channelTenant : undefined);
  return tenant && tenant.trim() !== "" ? tenant : undefined;
}

export async function resolveTurnScope(context: TurnContext, services: Services): Promise<TurnScope | ScopeRefusal> {
  const { config, db } = services;
  const { activity } = context;
  const localMode = isOpenLocalMode(config);
  const tenantId = tenantIdOf(context) ?? (localMode ? LOCAL_TENANT_ID : undefined);
  if (!tenantId) return "no_identity";
  if (config.ALLOWED_TENANT_IDS.length > 0 && !config.ALLOWED_TENANT_IDS.includes(tenantId)) return "tenant_not_allowed";
  const aadObjectId = activity.from?.aadObjectId ?? (localMode ? activity.from?.id : undefined);
  if (!aadObjectId) return "no_identity";

  // One round trip for what every turn needs; the first contact of a tenant creates it, then reads again.
  const keys = { tenantId, aadObjectId, conversationId: conversationIdOf(activity) };
  let records = await readTurnRecords(db, keys);
  if (!records) {
    // A tenant's first turn: its organisation is made, then read with the rest.
    await ensureOrganisation(db, tenantId, { timeZone: config.DEFAULT_TIME_ZONE });
    records = await readTurnRecords(db, keys);
  }
  if (!records) return "no_identity";
  const { organisation } = records;
  const isConfiguredAdmin = config.ADMIN_AAD_OBJECT_IDS.includes(aadObjectId);
  let actor = await ensureUser(
    db,
    {
      organisationId: organisation.id,
      aadObjectId,
      // Install events carry no name: keep the one we know rather than write the object id over it.
      ...(activity.from?.name?.trim() ? { name: activity.from.name.trim() } : {}),
      role: isConfiguredAdmin ? "admin" : config.DEFAULT_ROLE,
      ...(activity.locale ? { locale: activity.locale } : {}),
      ...(activity.from?.id ? { teamsUserId: activity.from.id } : {}),
    },
    records.user,
  );
  if (isConfiguredAdmin && actor.role !== "admin") actor = await setUserRole(db, { ...actor, role: "admin" });

  // The reader's own zone: the turn's `localTimezone`, else the one their personal chat last
  // carried (card invokes and events may come without it); the organisation's when Teams never said.
  const sent = activity.localTimezone;
  const readerZone = sent && isIanaTimeZone(sent) ? sent : records.personalTimeZone;
  return {
    services,
    organisation,
    actor,
    t: translator(resolveLocale(activity.locale ?? actor.locale), readerZone ?? organisation.timeZone, readerZone ? "reader" : "organisation"),
    now: services.clock(),
    activityId: activity.id ?? "",
    conversationType: conversationTypeOf(activity.conversation?.conversationType),
    storedConversation: records.conversation,
  };
}

/** The conversation a reference is stored under: a channel thread's channel (conversation-memory.ts). */
function conversationIdOf(activity: TurnContext["activity"]): string {
  return (activity.conversation?.id ?? "").split(";messageid=")[0] ?? "";
}

function conversationTypeOf(type: string | undefined): TurnScope["conversationType"] {
  return type === "channel" || type === "groupChat" ? type : "personal";
}
