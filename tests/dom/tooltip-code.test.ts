/**
 * The tooltip library's hand-over (src/page/tooltip-code.ts): the content script asks for the
 * library once, reads what the injected script left, says clearly when nothing was left, and a
 * tooltip whose library failed to load tries again on the next show.
 */
import { describe, expect, it, vi } from 'vitest';
import { injectedTooltipCode, publishTooltipCode, type TooltipCode } from '../../src/page/tooltip-code';
import { TooltipHost } from '../../src/page/tooltip-host';
import { tooltipLibrary } from '../../src/page/tooltip-library';

vi.mock('tippy.js/dist/tippy.css?inline', () => ({ default: '' }));

describe('the tooltip library hand-over', () => {
  it('asks for the library only while this world has none, and returns what the script left', async () => {
    const world = {};
    const inject = vi.fn(async () => publishTooltipCode(tooltipLibrary(), world));
    const load = injectedTooltipCode(inject, world);
    const first = await load();
    expect(typeof first.tippy).toBe('function');
    expect(await load()).toBe(first);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('fails with a clear error when the script ran but left nothing (e.g. another world)', async () => {
    const load = injectedTooltipCode(async () => {}, {});
    await expect(load()).rejects.toThrow('the tooltip library did not load in this page');
  });

  it('shows the tooltip on the next show after a failed load', async () => {
    let fail = true;
    const load = vi.fn(async (): Promise<TooltipCode> => {
      if (fail) throw new Error('worker gone');
      return tooltipLibrary();
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = new TooltipHost(document, window, load);
    await expect(host.preload()).rejects.toThrow('worker gone');
    fail = false;
    const card = document.createElement('p');
    card.textContent = 'The capital of Ukraine.';
    host.show(card, () => new DOMRect(10, 10, 40, 16));
    await vi.waitFor(() => expect(host.isShown).toBe(true));
    expect(load).toHaveBeenCalledTimes(2);
    host.destroy();
    warn.mockRestore();
  });
});
