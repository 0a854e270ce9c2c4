// Drives the Agents Playground's personal chat the way a person does: types into the compose
// box, reads the bot's bubbles (text or Adaptive Card) and clicks what a card shows. Selectors
// are the Playground 0.2.28 markup: every bot bubble is a `.fai-OutputCard`, every rendered
// card an `.ac-adaptiveCard` (the official renderer's class), the compose box a Lexical
// `role="textbox"`.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterEach } from "vitest";

const REPLY_TIMEOUT_MS = 20_000;
/** The compose box; a card's Input.Text is a textbox too, so the role alone is ambiguous. */
const COMPOSE_BOX = '[role="textbox"][data-lexical-editor="true"]';

export class PlaygroundChat {
  private constructor(
    readonly page: Page,
    private readonly screenshotDir: string,
  ) {}

  /**
   * Opens the Playground, which starts a new personal chat on every page load (install +
   * conversationUpdate), and waits until the bot has answered both events and its greetings
   * have rendered, so that later replies are told apart from them.
   */
  static async open(context: BrowserContext, playgroundUrl: string, screenshotDir: string): Promise<PlaygroundChat> {
    const page = await context.newPage();
    await page.goto(playgroundUrl);
    await page.locator(COMPOSE_BOX).waitFor({ timeout: REPLY_TIMEOUT_MS });
    mkdirSync(screenshotDir, { recursive: true });
    const chat = new PlaygroundChat(page, screenshotDir);
    await chat.waitForLog(["installationUpdate 200", "conversationUpdate 200"]);
    await chat.waitForQuiet();
    return chat;
  }

  /** The bot's bubbles, oldest first. */
  replies(): Locator {
    return this.page.locator(".fai-OutputCard");
  }

  /** The newest rendered card whose text contains `text`. */
  card(text: string | RegExp): Locator {
    return this.page.locator(".ac-adaptiveCard", { hasText: text }).last();
  }

  /**
   * The section of `card` under `heading`: the Adaptive Card Container whose heading it is, so
   * that a button is looked for in its own section (a digest repeats "Snooze 1 day" per section).
   */
  section(card: Locator, heading: string): Locator {
    return card.getByText(heading, { exact: true }).locator(`xpath=ancestor::div[${hasClass("ac-container")}][1]`);
  }

  /** Types `text` into the compose box, sends it, and returns the bot's first bubble after it. */
  async say(text: string): Promise<Locator> {
    const sentBefore = await this.sent().count();
    await this.page.locator(COMPOSE_BOX).click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press("Enter");
    const mine = this.sent().nth(sentBefore);
    await this.waitForText(mine, text);
    const reply = mine.locator(`xpath=following::div[${hasClass("fai-OutputCard")}][1]`);
    await reply.waitFor({ timeout: REPLY_TIMEOUT_MS });
    // A card bubble appears before the renderer fills it; wait for words in it.
    await until(async () => (await reply.innerText()).trim() !== "", "the bot's reply to render");
    return reply;
  }

  /** The person's own messages, oldest first: a message header without an author line. */
  private sent(): Locator {
    return this.page.locator('[aria-label="Message header"]:not(:has([aria-label="Message author"]))').locator("xpath=..");
  }

  /** Waits until no new bot bubble has appeared for a second. */
  private async waitForQuiet(): Promise<void> {
    let last = -1;
    await until(
      async () => {
        const now = await this.replies().count();
        const quiet = now > 0 && now === last;
        last = now;
        return quiet;
      },
      "the bot's greetings to settle",
      1_000,
    );
  }

  /** Clicks a card's button by its visible title. */
  async press(card: Locator, title: string): Promise<void> {
    await card.getByRole("button", { name: title, exact: true }).click();
  }

  /** Waits until `locator`'s rendered text matches, then returns that text. */
  async waitForText(locator: Locator, expected: string | RegExp): Promise<string> {
    let seen = "";
    await until(
      async () => {
        seen = await locator.innerText({ timeout: 1_000 }).catch(() => "");
        return typeof expected === "string" ? seen.includes(expected) : expected.test(seen);
      },
      () => `${String(expected)} to show; last seen:\n${seen}`,
    );
    return seen;
  }

  /** Waits until the Playground's log panel has shown every one of `lines` (e.g. "invoke 200"). */
  async waitForLog(lines: string[]): Promise<void> {
    const panel = this.page.locator("body");
    for (const line of lines) await this.waitForText(panel, line);
  }

  /**
   * Saves the page as it looks now under the run's screenshot folder (`<name>.png`) and, when
   * `focus` names messages, a crop of just them (`<name>.crop.png`: what the README shows).
   */
  async screenshot(name: string, focus: Locator[] = []): Promise<void> {
    const last = focus.at(-1);
    await last?.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: join(this.screenshotDir, `${name}.png`) });
    const boxes = (await Promise.all(focus.map(messageParts))).flat().filter((box) => box !== null);
    if (boxes.length === 0) return;
    // Narrow vertical margins: the neighbouring messages sit a few pixels away.
    const [padX, padY] = [12, 4];
    const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - padX);
    const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - padY);
    const right = Math.max(...boxes.map((box) => box.x + box.width)) + padX;
    const bottom = Math.max(...boxes.map((box) => box.y + box.height)) + padY;
    await this.page.screenshot({
      path: join(this.screenshotDir, `${name}.crop.png`),
      clip: { x: left, y: top, width: right - left, height: bottom - top },
    });
  }

  /** The person's newest message. */
  lastSent(): Locator {
    return this.sent().last();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** Registers a hook that saves the page when a test fails, named after the test. */
export function keepFailureScreenshots(chat: () => PlaygroundChat | undefined): void {
  afterEach(async (context) => {
    if (context.task.result?.state !== "fail") return;
    const name = context.task.name.replace(/[^A-Za-z0-9]+/g, "-").slice(0, 80);
    await chat()
      ?.screenshot(`failed-${name}`)
      .catch(() => undefined);
  });
}

/**
 * What a reader of the README should see of a message: its header and its bubble (not the
 * Playground's notes under a card), or the whole message for the person's own.
 */
async function messageParts(locator: Locator) {
  const message = locator.locator('xpath=ancestor-or-self::div[div[@aria-label="Message header"]][1]');
  const bubble = message.locator(".fai-OutputCard");
  const parts = (await bubble.count()) > 0 ? [message.locator('[aria-label="Message header"]'), bubble.first()] : [message];
  return Promise.all(parts.map((part) => part.boundingBox()));
}

/** Polls `condition` until it holds; usable in hooks as well as tests (unlike expect.poll). */
async function until(condition: () => Promise<boolean>, what: string | (() => string), intervalMs = 250): Promise<void> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${REPLY_TIMEOUT_MS} ms waiting for ${typeof what === "string" ? what : what()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function hasClass(name: string): string {
  return `contains(concat(" ", normalize-space(@class), " "), " ${name} ")`;
}
