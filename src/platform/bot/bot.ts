// The Teams activity handler: routes messages to intents and card invokes to actions,
// greets on install, and turns every failure into a short card with a correlation id.
import { randomUUID } from "node:crypto";
import { type AdaptiveCardInvokeResponse, type CloudAdapter, type InvokeResponse, MessageFactory, TeamsActivityHandler, TurnContext } from "botbuilder";
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard, cardAttachment } from "../cards/render";
import { resolveLocale } from "../i18n/locale";
import { translator } from "../i18n/translator";
import type { Services } from "../services";
import { botWasRemoved, forgetConversationOf, rememberConversationOf } from "../reminders/conversation-memory";
import { forgetLeftMembers, readRosterOnInstall, rememberJoinedMembers } from "../reminders/roster";
import { findOrganisationByTenant } from "../store/organisations";
import { markSentUnclaimed } from "../store/outbox";
import { proactiveUpdater } from "../reminders/proactive";
import { runCardAction } from "./card-invoke";
import { enqueueSharedCardUpdate, updateActivityOf } from "./shared-card";
import { answerIntent } from "./intents/index";
import type { Reply } from "./intents/types";
import { resolveTurnScope, tenantIdOf, type TurnScope } from "./turn-scope";
import { errorCard, welcomeCard } from "./views/common";

export class PartnerOpsBot extends TeamsActivityHandler {
  constructor(private readonly services: Services) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.greet(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.forgetPlace(context, true);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      await this.forgetPlace(context, botWasRemoved(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // Teams announces an install twice (installationUpdate, then the bot joining the
      // conversation): greet on the first only. Other channels send just the second.
      const botId = context.activity.recipient?.id;
      const botJoined = context.activity.membersAdded?.some((member) => member.id === botId) ?? false;
      if (botJoined && context.activity.channelId !== "msteams") await this.greet(context);
      else if (botJoined) await this.rememberConversation(context);
      else await this.rememberJoined(context);
      await next();
    });
  }

  /**
   * Teams wants HTTP 200 for every adaptiveCard/action, with the outcome in the body;
   * ActivityHandler would copy an error body's statusCode into the HTTP status.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "adaptiveCard/action") return super.onInvokeActivity(context);
    return { status: 200, body: await this.answerCardAction(context) };
  }

  private async answerCardAction(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const correlationId = randomUUID();
    // Everything, the organisation and role lookups included, is inside the try: a database
    // that is down still gets the clicker an error card with a reference.
    let t = translator(resolveLocale(context.activity.locale));
    try {
      const scope = await this.scopeOrExplain(context);
      if (!scope) return messageResponse(t.t("common.tenantNotAllowed"));
      t = scope.t;
      const outcome = await runCardAction(scope, context.activity.value);
      if ("message" in outcome) return messageResponse(outcome.message);
      // In a personal chat the clicker is the only reader: the invoke's answer is the card, and
      // a later update would replace their own view (and its notice) with the shared one.
      const othersSeeIt = scope.conversationType !== "personal";
      if (outcome.shared && othersSeeIt && context.activity.replyToId)
        await this.updateSharedCardLater(context, scope, context.activity.replyToId, outcome.shared, correlationId);
      return cardResponse(outcome.card);
    } catch (error) {
      this.services.logger.error({ err: error, correlationId, activityId: context.activity.id }, "card action failed");
      return cardResponse(errorCard(t, correlationId));
    }
  }

  /**
   * The clicker's answer does not wait for the shared card: a slow or throttled connector
   * would hold the invoke past the time Teams waits. The update is written to the outbox
   * first (shared-card.ts), so a restart or a connector that is down loses it not; it is tried
   * once this turn has answered, and left to the outbox's deliverer if that fails.
   */
  private async updateSharedCardLater(context: TurnContext, scope: TurnScope, activityId: string, card: AdaptiveCard, correlationId: string): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity) as Record<string, unknown>;
    const { db, logger, config } = this.services;
    let rowId: string | undefined;
    try {
      rowId = await enqueueSharedCardUpdate(db, {
        organisationId: scope.organisation.id,
        conversationId: String(context.activity.conversation?.id ?? ""),
        reference,
        activityId,
        card,
        clickId: context.activity.id ?? correlationId,
        now: scope.now,
      });
    } catch (error) {
      // The decision is saved and answered; only the others' view waits for their next refresh.
      logger.warn({ err: error, correlationId }, "could not keep the shared card's update in the outbox");
    }
    const update = proactiveUpdater(context.adapter as CloudAdapter, config.MicrosoftAppId);
    setImmediate(() => {
      update(reference, updateActivityOf({ reference, activityId, card: card as Record<string, unknown> }))
        .then(() => (rowId ? markSentUnclaimed(db, rowId, this.services.clock()) : undefined))
        .catch((error: unknown) => logger.warn({ err: error, correlationId }, "could not update the shared card now; the outbox retries it"));
    });
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const scope = await this.scopeOrExplain(context);
    if (!scope) return;
    // Personal messages carry the user's localTimezone: keep their reminder address current.
    if (scope.conversationType === "personal") await rememberConversationOf(context, this.services, scope);
    const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? context.activity.text?.trim() ?? "";
    if (text === "") {
      await send(context, { card: welcomeCard(scope.t, this.services.tables, scope.actor.name, scope.actor.role) });
      return;
    }
    const recognition = await this.services.recognizer.recognize(text, {
      locale: scope.t.locale,
      now: scope.now,
      timeZone: scope.t.timeZone,
    });
    const answerScope: TurnScope =
      recognition.language && recognition.language !== scope.t.locale
        ? { ...scope, t: translator(recognition.language, scope.t.timeZone, scope.t.zoneSource) }
        : scope;
    await send(context, await answerIntent(answerScope, recognition, text));
  }

  private async greet(context: TurnContext): Promise<void> {
    const scope = await this.scopeOrExplain(context);
    if (!scope) return;
    await rememberConversationOf(context, this.services, scope);
    await send(context, { card: welcomeCard(scope.t, this.services.tables, scope.actor.name, scope.actor.role) });
    await readRosterOnInstall(context, this.services, scope.organisation);
  }

  /** Where the bot was just added, and who is there, kept for proactive reminders; greet() does the same on install. */
  private async rememberConversation(context: TurnContext): Promise<void> {
    const scope = await resolveTurnScope(context, this.services);
    if (typeof scope === "string") return;
    await rememberConversationOf(context, this.services, scope);
    await readRosterOnInstall(context, this.services, scope.organisation);
  }

  /** People who joined a team or group chat the bot is in: reachable by reminders from now on. */
  private async rememberJoined(context: TurnContext): Promise<void> {
    const scope = await resolveTurnScope(context, this.services);
    if (typeof scope !== "string") await rememberJoinedMembers(context, this.services, scope.organisation);
  }

  /** The bot was uninstalled or removed (`botRemoved`), or members left: no more proactive messages there, or to them. */
  private async forgetPlace(context: TurnContext, botRemoved: boolean): Promise<void> {
    const tenantId = tenantIdOf(context);
    const organisation = tenantId ? await findOrganisationByTenant(this.services.db, tenantId) : undefined;
    if (!organisation) return;
    if (botRemoved) await forgetConversationOf(context, this.services, organisation);
    await forgetLeftMembers(context, this.services, organisation, botRemoved);
  }

  /** The turn's scope, or undefined after telling the user (messages only) why there is none. */
  private async scopeOrExplain(context: TurnContext): Promise<TurnScope | undefined> {
    const scope = await resolveTurnScope(context, this.services);
    if (typeof scope !== "string") return scope;
    this.services.logger.warn({ reason: scope, activityId: context.activity.id }, "turn refused");
    if (context.activity.type === "message" && scope === "tenant_not_allowed") {
      await context.sendActivity(translator(resolveLocale(context.activity.locale)).t("common.tenantNotAllowed"));
    }
    return undefined;
  }
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if ("card" in reply) {
    await context.sendActivity(MessageFactory.attachment(cardAttachment(reply.card)));
  } else if (reply.suggestions?.length) {
    await context.sendActivity(MessageFactory.suggestedActions(reply.suggestions, reply.text));
  } else {
    await context.sendActivity(reply.text);
  }
}

function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: card as never };
}

function messageResponse(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: message as never };
}
