// The Bot Framework adapter: authenticates inbound requests (when an app id is configured)
// and sends replies to the activity's serviceUrl. Turn errors end as an error card carrying
// a correlation id; the stack trace goes to the log only.
import { randomUUID } from "node:crypto";
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  MessageFactory,
  type TurnContext,
} from "botbuilder";
import { AuthenticationError, type AuthenticateRequestResult } from "botframework-connector";
import { cardAttachment } from "../cards/render";
import type { TConfig } from "../config";
import { resolveLocale } from "../i18n/locale";
import { translator } from "../i18n/translator";
import type { Logger } from "../logger";
import { errorCard } from "./views/common";

/**
 * Endpoint overrides for the Bot Framework authentication, as botbuilder names them
 * (ToBotFromChannelOpenIdMetadataUrl, ToBotFromChannelTokenIssuer, ToChannelFromBotLoginUrl,
 * ...): sovereign clouds need them, and tests point them at local stand-ins.
 */
export type AuthenticationOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

/**
 * botbuilder answers 500 when a token's signature does not verify (the JWT library's error is
 * not an AuthenticationError). Every failure to authenticate a request is a 401: fail closed.
 */
class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${error instanceof Error ? error.message : "token rejected"}`, 401);
    }
  }
}

export function createAdapter(config: TConfig, logger: Logger, overrides: AuthenticationOverrides = {}): CloudAdapter {
  const authentication = new StrictBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    ...overrides,
  });
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId, activityId: context.activity.id, type: context.activity.type }, "turn failed");
    if (context.activity.type !== "message") return;
    try {
      const t = translator(resolveLocale(context.activity.locale));
      await context.sendActivity(MessageFactory.attachment(cardAttachment(errorCard(t, correlationId))));
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, "could not send the error card");
    }
  };
  return adapter;
}
