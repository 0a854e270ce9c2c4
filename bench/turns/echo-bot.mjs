// The reference for bench:turns: the smallest bot the same stack can run, botbuilder's
// CloudAdapter behind restify (the versions the bot uses), answering each message with one
// reply sent to the connector, and each invoke with a small body. Plain JavaScript run by plain
// node, as the bot runs from dist/. Prints its port on stdout once it listens.
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import restify from "restify";

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ""}`);
      await next();
    });
  }

  async onInvokeActivity() {
    return { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: "echo" } };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new EchoBot();
const server = restify.createServer({ name: "echo-bot", handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
server.post("/api/messages", async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get("/healthz", async (_req, res) => res.send(200, { status: "ok" }));
server.listen(Number(process.env.PORT ?? 0), () => {
  const address = server.address();
  console.log(JSON.stringify({ port: typeof address === "object" && address ? address.port : 0 }));
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
