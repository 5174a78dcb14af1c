import { createTokenBatcher } from '../../transport/agent/createTokenBatcher.ts';
import { isAgentError, unexpectedAgentError } from '../../transport/errors/AgentError.ts';
import { createReplyModel, type ReplyModel, type ReplyModelOptions } from './createReplyModel.ts';
import { streamCompletion, type CompletionResult, type StreamCompletionOptions } from '../../transport/agent/streamCompletion.ts';
import { streamWorker } from '../../transport/agent/worker/streamWorker.ts';

/** Options of {@link streamReply}: those of {@link streamCompletion} without the callbacks it wires itself. */
export type StreamReplyOptions = Omit<StreamCompletionOptions, 'onToken' | 'onDone' | 'signal'> &
  Pick<ReplyModelOptions, 'schedule'> & {
    /**
     * While tokens keep coming, show them at most this often (ms); the first token and the last one of a burst
     * show at once. 0 shows every token in the frame it arrives in. See `createTokenBatcher`.
     * @defaultValue 0
     */
    throttleMs?: number;
  };

/**
 * Starts an agent reply and returns its model at once: tokens flow into it, `model.stop()` aborts the
 * request, errors end it with `status: 'error'`. `done` settles when the reply has ended, whichever way; after
 * a complete reply it says whether the agent handed the conversation to a person.
 *
 * The request is made and read in a worker (`worker/sseWorker.ts`) where one can run, so the page's main thread
 * only draws; with a `fetch` of the caller's (tests, a proxy), or where no worker may start, it is read here.
 *
 * @example
 * const { model } = streamReply({ agentUrl, botId: 'demo-bot', messages });
 * render(<AgentReply reply={model} onTalkToPerson={handOver} />, el);
 */
export function streamReply(options: StreamReplyOptions): { model: ReplyModel; done: Promise<{ handover: boolean } | undefined> } {
  const controller = new AbortController();
  const model = createReplyModel({ onStop: () => controller.abort(), schedule: options.schedule });
  const throttleMs = options.throttleMs ?? 0;
  const onTokens = (text: string): void => model.append(text);
  // [DONE] ends the text: the Stop button goes away even if the sources take a moment longer.
  const onDone = (): void => model.finish();

  const onMainThread = (): Promise<CompletionResult> => {
    const batcher = createTokenBatcher({ throttleMs, emit: onTokens });
    return streamCompletion({
      ...options,
      signal: controller.signal,
      onToken: batcher.push,
      onDone: () => {
        batcher.flush();
        onDone();
      },
    }).finally(batcher.flush);
  };
  const completion =
    (options.fetch === undefined ? streamWorker().stream({ ...options, signal: controller.signal, onTokens, onDone, throttleMs }, onMainThread) : null) ?? onMainThread();

  const done = completion.then(
    ({ sources, handover }) => {
      model.setSources(sources);
      model.finish();
      return { handover: handover === true };
    },
    (error: unknown) => {
      if (!controller.signal.aborted) model.fail(isAgentError(error) ? error : unexpectedAgentError(error));
      return undefined;
    },
  );
  return { model, done };
}
