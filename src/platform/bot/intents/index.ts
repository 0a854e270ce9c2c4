// Answers a recognised question from the folded intent table (src/platform/fold.ts). A hesitant
// recognition is answered with a question back, and "none" or an unknown intent with examples:
// never a dead end.
import type { Recognition } from "../../conversation/recognizer";
import type { TurnScope } from "../turn-scope";
import { askBack, none } from "./help";
import type { Reply } from "./types";

export async function answerIntent(scope: TurnScope, recognition: Recognition, text: string): Promise<Reply> {
  const handler = scope.services.tables.intents.get(recognition.intent);
  if (!handler) return none(scope, recognition, text);
  return askBack(scope, recognition) ?? handler(scope, recognition, text);
}
