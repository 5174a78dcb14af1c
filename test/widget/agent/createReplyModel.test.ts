import { effect } from '@preact/signals';
import { describe, expect, test, vi } from 'vitest';
import { createReplyModel } from '../../../src/state/agent/createReplyModel.ts';
import { AgentError } from '../../../src/transport/errors/AgentError.ts';

/** A frame scheduler the test drives by hand. */
function manualFrames() {
  const queue: (() => void)[] = [];
  return {
    schedule: (flush: () => void) => {
      queue.push(flush);
      return () => queue.splice(queue.indexOf(flush), 1);
    },
    frame: () => queue.splice(0).forEach((f) => f()),
    pending: () => queue.length,
  };
}

describe('createReplyModel', () => {
  test('tokens within one frame become one update', () => {
    const frames = manualFrames();
    const model = createReplyModel({ schedule: frames.schedule });
    let updates = 0;
    const dispose = effect(() => {
      void model.text.value;
      void model.tail.value;
      void model.blocks.value;
      updates++;
    });
    const tokens = Array.from({ length: 2000 }, (_, i) => (i % 50 === 49 ? '\n\n' : `w${i} `));
    for (const t of tokens.slice(0, 1000)) model.append(t);
    expect(frames.pending()).toBe(1);
    expect(model.text.value).toBe('');
    frames.frame();
    expect(updates).toBe(2);
    expect(model.text.value).toBe(tokens.slice(0, 1000).join(''));
    expect(model.blocks.value).toHaveLength(20);
    for (const t of tokens.slice(1000)) model.append(t);
    frames.frame();
    expect(updates).toBe(3);
    expect(model.text.value).toBe(tokens.join(''));
    dispose();
  });

  test('finish shows what is pending at once and cancels the frame', () => {
    const frames = manualFrames();
    const model = createReplyModel({ schedule: frames.schedule });
    model.append('Hello\n\nwor');
    model.append('ld');
    model.finish();
    expect(frames.pending()).toBe(0);
    expect(model.status.value).toBe('done');
    expect(model.blocks.value).toEqual(['Hello']);
    expect(model.tail.value).toBe('world');
    expect(model.text.value).toBe('Hello\n\nworld');
    model.append('late');
    expect(model.text.value).toBe('Hello\n\nworld');
  });

  test('stop keeps the text, calls onStop once, and ignores later tokens', () => {
    const frames = manualFrames();
    const onStop = vi.fn();
    const model = createReplyModel({ schedule: frames.schedule, onStop });
    model.append('Part');
    model.stop();
    model.stop();
    model.append('more');
    frames.frame();
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(model.status.value).toBe('stopped');
    expect(model.text.value).toBe('Part');
  });

  test('fail keeps the text and sets the error; a finished reply cannot fail', () => {
    const model = createReplyModel({ schedule: manualFrames().schedule });
    model.append('Half');
    const error = new AgentError('cut-off', 'The reply was cut off. Please try again.');
    model.fail(error);
    expect(model.status.value).toBe('error');
    expect(model.error.value).toBe(error);
    expect(model.text.value).toBe('Half');
    const done = createReplyModel({ schedule: manualFrames().schedule });
    done.finish();
    done.fail(error);
    expect(done.status.value).toBe('done');
    expect(done.error.value).toBeNull();
  });

  test('the default scheduler flushes on the next animation frame', async () => {
    const model = createReplyModel();
    model.append('a');
    model.append('b');
    expect(model.text.value).toBe('');
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    expect(model.text.value).toBe('ab');
  });
});
