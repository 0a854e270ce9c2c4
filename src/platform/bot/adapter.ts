// The Bot Framework adapter: authenticates inbound requests (when an app id is configured)
// and sends replies to the activity's serviceUrl. Turn errors end as an error card carrying
// a correlation id (for an invoke, in its HTTP answer); the stack trace goes to the log only.
import { randomUUID } from "node:crypto";
import {
  ActivityTypes,
  CloudAdapter,
  type InvokeResponse,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  MessageFactory,
  type TurnContext,
} from "botbuilder";
import type { Pipeline } from "@azure/core-rest-pipeline";
import { AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient, type ConnectorFactory } from "botframework-connector";
import { ADAPTIVE_CARD_CONTENT_TYPE, cardAttachment } from "../cards/render";
import type { TConfig } from "../config";
import { resolveLocale } from "../i18n/locale";
import { type Translator, translator } from "../i18n/translator";
import type { Logger } from "../logger";
import { CONNECTOR_POLICY_NAME, type ConnectorCallRules, connectorCallPolicy, DEFAULT_CONNECTOR_RULES } from "./connector-policy";
import { type IssuerRules, refusedAuthorization } from "./token-issuer";
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
  constructor(
    options: ConfigurationBotFrameworkAuthenticationOptions,
    private readonly issuerRules: IssuerRules,
    private readonly connectorRules: ConnectorCallRules,
  ) {
    super(options);
  }

  /** Every connector client the adapter makes gets our retry policy and per-attempt timeout. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.withRules(super.createConnectorFactory(claimsIdentity));
  }

  private withRules(factory: ConnectorFactory): ConnectorFactory {
    return {
      create: async (serviceUrl: string, audience?: string) => withConnectorRules(await factory.create(serviceUrl, audience), this.connectorRules),
    };
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const refused = refusedAuthorization(authHeader, this.issuerRules);
    if (refused) throw new AuthenticationError(`Unauthorized: ${refused}`, 401);
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${error instanceof Error ? error.message : "token rejected"}`, 401);
    }
    // The turn's replies go through this factory's clients.
    return result.connectorFactory ? { ...result, connectorFactory: this.withRules(result.connectorFactory) } : result;
  }
}

export function createAdapter(config: TConfig, logger: Logger, overrides: AuthenticationOverrides = {}): CloudAdapter {
  const authentication = new StrictBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...overrides,
    },
    {
      ...(overrides.ToBotFromChannelTokenIssuer ? { channelIssuer: overrides.ToBotFromChannelTokenIssuer } : {}),
      ...(config.MicrosoftAppTenantId ? { tenantId: config.MicrosoftAppTenantId } : {}),
    },
    { ...DEFAULT_CONNECTOR_RULES, timeoutMs: config.CONNECTOR_TIMEOUT_MS },
  );
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const correlationId = randomUUID();
    logger.error({ err: error, correlationId, activityId: context.activity.id, type: context.activity.type }, "turn failed");
    const t = translator(resolveLocale(context.activity.locale));
    if (context.activity.type === "invoke") {
      // The invoke is answered in its HTTP response (the default would be an empty 501).
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: invokeErrorResponse(context, t, correlationId) });
      return;
    }
    if (context.activity.type !== "message") return;
    try {
      await context.sendActivity(MessageFactory.attachment(cardAttachment(errorCard(t, correlationId))));
    } catch (sendError) {
      logger.error({ err: sendError, correlationId }, "could not send the error card");
    }
  };
  return adapter;
}

/** The compat client keeps its core-client ServiceClient, whose pipeline holds the retry policies. */
type PipelineOwner = { client?: { pipeline?: Pipeline } };

function withConnectorRules(client: ConnectorClient, rules: ConnectorCallRules): ConnectorClient {
  const pipeline = (client as unknown as PipelineOwner).client?.pipeline;
  if (!pipeline) throw new Error("botframework-connector's client no longer exposes its HTTP pipeline: the connector retry policy cannot be installed");
  if (!pipeline.getOrderedPolicies().some((policy) => policy.name === CONNECTOR_POLICY_NAME)) {
    pipeline.removePolicy({ phase: "Retry" });
    pipeline.addPolicy(connectorCallPolicy(rules), { phase: "Retry" });
  }
  return client;
}

/** HTTP 200 as Teams expects: an error card for a card action, the documented error shape for other invokes. */
export function invokeErrorResponse(context: TurnContext, t: Translator, correlationId: string): InvokeResponse {
  if (context.activity.name === "adaptiveCard/action") {
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: errorCard(t, correlationId) } };
  }
  const message = `${t.t("common.error.message")} ${t.t("common.error.reference", { correlationId })}`;
  return { status: 200, body: { statusCode: 500, type: "application/vnd.microsoft.error", value: { code: "InternalServerError", message } } };
}
