// Who is in the teams and group chats the bot is installed in, so that reminders reach people
// who never wrote to the bot: on install the roster is read with Teams' paged members call
// (TeamsInfo.getPagedMembers, continuation tokens), later joins and leaves come as
// conversationUpdate members. Reading is bounded (pages, time per page, time in all): the turn
// that carries the install must still answer Teams within its 15 seconds.
import { randomUUID } from "node:crypto";
import { type Activity, type ChannelAccount, TeamsInfo, type TurnContext } from "botbuilder";
import type { Role } from "../domain/roles";
import type { Services } from "../services";
import { claimRosterRead, forgetOpenedConversations, releaseRosterRead } from "../store/conversation-references";
import type { Organisation } from "../store/organisations";
import {
  isOnAnyRoster,
  leaveRoster,
  markAbsentMembersLeft,
  ROSTER_PAGE_LIMIT,
  type RosterPerson,
  type RosterSource,
  rememberRosterPage,
} from "../store/roster-members";

/** Pages read at most: 40 pages of 500 is a team of 20,000. */
const MAX_PAGES = 40;
const PAGE_TIMEOUT_MS = 5_000;
/** Time for the whole roster; what is read by then is kept, and the next install reads again. */
const READ_BUDGET_MS = 10_000;
/** Teams announces an install twice (installationUpdate, then the bot joining): one read serves both. */
const READ_FRESH_MS = 10 * 60_000;

export interface RosterReadReport {
  members: number;
  pages: number;
  complete: boolean;
  left: number;
}

interface Place {
  organisation: Organisation;
  /** The team's id, or the group chat's id: what the memberships are of. */
  rosterId: string;
  /** The conversation the event came from, whose stored reference holds the read's claim. */
  conversationId: string;
}

/** Reads the roster of the team or group chat the bot was just installed in, unless it was read moments ago. */
export async function readRosterOnInstall(context: TurnContext, services: Services, organisation: Organisation): Promise<RosterReadReport | undefined> {
  const place = placeOf(context.activity, organisation);
  if (!place) return undefined;
  const claimedAt = services.clock();
  if (!(await claimRosterRead(services.db, organisation.id, place.conversationId, claimedAt, READ_FRESH_MS))) return undefined;
  try {
    return await readPages(context, services, place);
  } catch (error) {
    await releaseRosterRead(services.db, organisation.id, place.conversationId, claimedAt);
    // Reminders for people who never wrote are a side benefit of the install: the turn goes on.
    services.logger.warn({ err: error, organisationId: organisation.id, rosterId: place.rosterId }, "could not read the roster");
    return undefined;
  }
}

async function readPages(context: TurnContext, services: Services, place: Place): Promise<RosterReadReport> {
  const source: RosterSource = { ...sourceOf(context.activity, services, place), readId: randomUUID() };
  const deadline = Date.now() + READ_BUDGET_MS;
  const report: RosterReadReport = { members: 0, pages: 0, complete: false, left: 0 };
  let continuationToken: string | undefined;
  while (report.pages < MAX_PAGES) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const page = await withTimeout(TeamsInfo.getPagedMembers(context, ROSTER_PAGE_LIMIT, continuationToken), Math.min(PAGE_TIMEOUT_MS, remaining));
    report.pages += 1;
    const people = rosterPeople(page.members ?? []).slice(0, ROSTER_PAGE_LIMIT);
    await rememberRosterPage(services.db, source, people);
    report.members += people.length;
    continuationToken = page.continuationToken || undefined;
    if (!continuationToken) {
      report.complete = true;
      break;
    }
  }
  if (report.complete && source.readId) {
    report.left = await markAbsentMembersLeft(services.db, place.organisation.id, place.rosterId, source.readId, services.clock());
  } else {
    services.logger.warn(
      { organisationId: place.organisation.id, rosterId: place.rosterId, ...report },
      "roster read stopped at its bound; the rest is read at the next install",
    );
  }
  return report;
}

/** People who joined a team or group chat the bot is in: reachable from now on. */
export async function rememberJoinedMembers(context: TurnContext, services: Services, organisation: Organisation): Promise<void> {
  const place = placeOf(context.activity, organisation);
  if (!place) return;
  const people = rosterPeople(context.activity.membersAdded ?? []).slice(0, ROSTER_PAGE_LIMIT);
  await rememberRosterPage(services.db, sourceOf(context.activity, services, place), people);
}

/**
 * People who left a team or group chat the bot is in (or, when the bot itself was removed,
 * everyone in it): no reminders through that roster. Whoever is on no roster any more loses the
 * personal chats the bot had opened with them; chats they started themselves stay.
 */
export async function forgetLeftMembers(context: TurnContext, services: Services, organisation: Organisation, botRemoved: boolean): Promise<void> {
  const place = placeOf(context.activity, organisation);
  if (!place) return;
  const now = services.clock();
  if (botRemoved) {
    await leaveRoster(services.db, organisation.id, place.rosterId, now);
    return;
  }
  for (const person of rosterPeople(context.activity.membersRemoved ?? [])) {
    await leaveRoster(services.db, organisation.id, place.rosterId, now, person.aadObjectId);
    if (!(await isOnAnyRoster(services.db, organisation.id, person.aadObjectId))) {
      await forgetOpenedConversations(services.db, organisation.id, person.aadObjectId, "left", now);
    }
  }
}

function placeOf(activity: Partial<Activity>, organisation: Organisation): Place | undefined {
  const type = activity.conversation?.conversationType;
  if (type !== "channel" && type !== "groupChat") return undefined;
  // Channel thread ids end in ";messageid=...": the channel itself is the part before.
  const conversationId = (activity.conversation?.id ?? "").split(";messageid=")[0] ?? "";
  const teamId = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  const rosterId = type === "channel" && typeof teamId === "string" && teamId !== "" ? teamId : conversationId;
  return conversationId === "" ? undefined : { organisation, rosterId, conversationId };
}

function sourceOf(activity: Partial<Activity>, services: Services, place: Place): RosterSource {
  const { config } = services;
  return {
    organisationId: place.organisation.id,
    rosterId: place.rosterId,
    serviceUrl: activity.serviceUrl ?? "",
    botId: activity.recipient?.id ?? "",
    roleFor: (aadObjectId: string): Role => (config.ADMIN_AAD_OBJECT_IDS.includes(aadObjectId) ? "admin" : config.DEFAULT_ROLE),
  };
}

/** People only: the bot and other bots carry no Entra object id. */
function rosterPeople(accounts: readonly ChannelAccount[]): RosterPerson[] {
  return accounts.flatMap((account) =>
    account.aadObjectId && account.id
      ? [{ aadObjectId: account.aadObjectId, teamsUserId: account.id, ...(account.name?.trim() ? { name: account.name.trim() } : {}) }]
      : [],
  );
}

/** The connector call keeps running after the timeout; its answer is simply no longer waited for. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`roster page not answered within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
