import { AgentError, isAgentError } from './errors/AgentError.ts';
import { createReplyModel, type ReplyModel, type ReplyModelOptions } from './createReplyModel.ts';
import { streamCompletion, type StreamCompletionOptions } from './streamCompletion.ts';

/** Options of {@link streamReply}: those of {@link streamCompletion} without the callbacks it wires itself. */
export type StreamReplyOptions = Omit<StreamCompletionOptions, 'onToken' | 'onDone' | 'signal'> & Pick<ReplyModelOptions, 'schedule' | 'throttleMs'>;

/**
 * Starts an agent reply and returns its model at once: tokens flow into it, `model.stop()` aborts the
 * request, errors end it with `status: 'error'`. `done` settles when the reply has ended, whichever way.
 *
 * @example
 * const { model } = streamReply({ agentUrl, botId: 'demo-bot', messages });
 * render(<AgentReply reply={model} onTalkToPerson={handOver} />, el);
 */
export function streamReply(options: StreamReplyOptions): { model: ReplyModel; done: Promise<void> } {
  const controller = new AbortController();
  const model = createReplyModel({ onStop: () => controller.abort(), schedule: options.schedule, throttleMs: options.throttleMs });
  const done = streamCompletion({
    ...options,
    signal: controller.signal,
    onToken: (token) => model.append(token),
    // [DONE] ends the text: the Stop button goes away even if the sources take a moment longer.
    onDone: () => model.finish(),
  }).then(
    ({ sources }) => {
      model.setSources(sources);
      model.finish();
    },
    (error: unknown) => {
      if (controller.signal.aborted) return;
      model.fail(isAgentError(error) ? error : new AgentError('bad-stream', 'The assistant ran into a problem. Please try again.', { cause: error }));
    },
  );
  return { model, done };
}
