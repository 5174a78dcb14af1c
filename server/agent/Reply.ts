import type { CitedResource } from './CitedResource.ts';

/** Token counts as OpenAI's `usage` gives them. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** An answer being produced: the built-in agent's or an upstream model's, streamed or collected the same way. */
export interface Reply {
  /** The model name reported in every chunk. */
  model: string;
  cited: CitedResource[];
  /** The visitor asked for a person; said in `message_payload` as `handover: true` (our extension, default mode). */
  handover?: boolean;
  /** The answer's text in pieces; ends early when the request's signal aborts. */
  tokens: AsyncIterable<string> | Iterable<string>;
  /** The producer's own counts once `tokens` has ended, if it has them. */
  usage(): Usage | undefined;
}
