import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AgentReply } from '../../../src/view/agent/AgentReply.tsx';
import { createReplyModel } from '../../../src/state/agent/createReplyModel.ts';
import { AgentError } from '../../../src/transport/errors/AgentError.ts';
import { AgentRateLimitError } from '../../../src/transport/errors/AgentRateLimitError.ts';
import { RateLimitNotice } from '../../../src/view/agent/RateLimitNotice.tsx';
import { SourcesList } from '../../../src/view/agent/SourcesList.tsx';

const now = (f: () => void) => (f(), () => undefined);

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('AgentReply', () => {
  test('is busy while streaming, with a "Stop generating" button that stops it', async () => {
    const onStop = vi.fn();
    const model = createReplyModel({ schedule: now, onStop });
    const { container } = render(<AgentReply reply={model} />);
    act(() => model.append('Working on it'));
    const bubble = container.firstElementChild as HTMLElement;
    expect(bubble.getAttribute('aria-busy')).toBe('true');
    expect(bubble.textContent).toContain('Working on it');
    fireEvent.click(screen.getByRole('button', { name: 'Stop generating' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(model.status.value).toBe('stopped');
    expect(bubble.getAttribute('aria-busy')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull();
    expect(bubble.textContent).toContain('Working on it');
  });

  test('showStop={false} leaves the button to the composer', () => {
    render(<AgentReply reply={createReplyModel({ schedule: now })} showStop={false} />);
    expect(screen.queryByRole('button', { name: 'Stop generating' })).toBeNull();
  });

  test('when done it renders markdown and lists the sources as links', () => {
    const model = createReplyModel({ schedule: now });
    render(<AgentReply reply={model} />);
    act(() => {
      model.append('See **this**.');
      model.setSources([
        { id: '1', url: 'https://acme.example/a', title: 'Shipping <b>times</b>', type: 'website' },
        { id: '2', url: 'javascript:alert(1)', title: 'Evil', type: 'website' },
        { id: '3', url: 'https://acme.example/a', title: 'Duplicate', type: 'website' },
      ]);
      model.finish();
    });
    expect(screen.getByText('this').tagName).toBe('STRONG');
    const list = screen.getByRole('list', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Shipping <b>times</b>', 'Evil']);
    const link = within(list).getByRole('link', { name: 'Shipping <b>times</b>' });
    expect(link.getAttribute('href')).toBe('https://acme.example/a');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(within(list).queryByRole('link', { name: 'Evil' })).toBeNull();
    expect(list.querySelector('b')).toBeNull();
  });

  test('no sources, no list', () => {
    const model = createReplyModel({ schedule: now });
    render(<AgentReply reply={model} />);
    act(() => model.finish());
    expect(screen.queryByRole('list', { name: 'Sources' })).toBeNull();
  });

  test('an error shows its sentence and a "Talk to a person" button', () => {
    const model = createReplyModel({ schedule: now });
    const onTalkToPerson = vi.fn();
    render(<AgentReply reply={model} onTalkToPerson={onTalkToPerson} />);
    act(() => {
      model.append('Half a repl');
      model.fail(new AgentError('cut-off', 'The reply was cut off. Please try again.'));
    });
    expect(screen.getByRole('alert').textContent).toBe('The reply was cut off. Please try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Talk to a person' }));
    expect(onTalkToPerson).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Half a repl')).toBeTruthy();
  });

  test('a rate limit shows the wait and counts it down', () => {
    vi.useFakeTimers();
    const model = createReplyModel({ schedule: now });
    render(<AgentReply reply={model} />);
    act(() => model.fail(new AgentRateLimitError('You are sending messages too quickly.', 3)));
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('You are sending messages too quickly. You can send again in 3 seconds.');
    act(() => void vi.advanceTimersByTime(1000));
    expect(alert.textContent).toContain('You can send again in 2 seconds.');
    act(() => void vi.advanceTimersByTime(1000));
    expect(alert.textContent).toContain('You can send again in 1 second.');
    act(() => void vi.advanceTimersByTime(1000));
    expect(alert.textContent).toContain('You can send again now.');
  });
});

describe('RateLimitNotice', () => {
  test('counts down in seconds and calls onElapsed once, then stops ticking', () => {
    vi.useFakeTimers();
    const onElapsed = vi.fn();
    render(<RateLimitNotice retryAfter={75} onElapsed={onElapsed} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('You are sending messages too quickly. You can send again in 1 minute 15 seconds.');
    act(() => void vi.advanceTimersByTime(15_000));
    expect(alert.textContent).toContain('in 1 minute.');
    act(() => void vi.advanceTimersByTime(59_000));
    expect(alert.textContent).toContain('in 1 second.');
    act(() => void vi.advanceTimersByTime(5_000));
    expect(alert.textContent).toContain('You can send again now.');
    act(() => void vi.advanceTimersByTime(5_000));
    expect(onElapsed).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('unmounting stops the countdown timer', () => {
    vi.useFakeTimers();
    const set = vi.spyOn(globalThis, 'setInterval');
    const clear = vi.spyOn(globalThis, 'clearInterval');
    set.mockClear();
    clear.mockClear();
    const { unmount } = render(<RateLimitNotice retryAfter={10} />);
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByRole('alert').textContent).toContain('9 seconds');
    const timer = set.mock.results.at(-1)?.value as unknown;
    expect(timer).toBeDefined();
    expect(clear.mock.calls.map(([id]) => id)).not.toContain(timer);
    unmount();
    // Preact 11 may run effect cleanups of an unmounted tree after the frame, so let one pass.
    act(() => void vi.advanceTimersByTime(100));
    expect(clear.mock.calls.map(([id]) => id)).toContain(timer);
  });
});

describe('SourcesList', () => {
  test('a title is text, never markup, and an unsafe URL is not linked', () => {
    render(<SourcesList sources={[{ id: 'x', url: 'data:text/html,<script>alert(1)</script>', title: '<img src=x onerror=alert(1)>', type: 'website' }]} />);
    const list = screen.getByRole('list', { name: 'Sources' });
    expect(list.querySelector('img, a, script')).toBeNull();
    expect(list.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
