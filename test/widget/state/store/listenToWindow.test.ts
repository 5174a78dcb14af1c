import { describe, expect, it } from 'vitest';
import { listenToWindow } from '../../../../src/state/store/listenToWindow.ts';

describe('listenToWindow', () => {
  it('hands focus, online, offline and visibility changes to their handlers until stopped', () => {
    const heard: string[] = [];
    const stop = listenToWindow({
      onFocus: () => heard.push('focus'),
      onOnline: () => heard.push('online'),
      onOffline: () => heard.push('offline'),
      onVisible: () => heard.push('visible'),
    });
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toEqual(['focus', 'offline', 'online', 'visible']);
    stop();
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(heard).toHaveLength(4);
  });
});
