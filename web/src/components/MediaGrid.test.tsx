import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { MediaGrid } from './MediaGrid.tsx';
import { fakeServer, mediaAttachment, renderApp } from '../test/harness.tsx';

const picture = (n: number, over: Parameters<typeof mediaAttachment>[0] = {}) =>
  mediaAttachment({ id: `0${n}`, url: `http://localhost/media/${n}/original.webp`, preview_url: `http://localhost/media/${n}/small.webp`, description: `Picture ${n}`, ...over });

function show(media: ReturnType<typeof mediaAttachment>[], sensitive = false) {
  const { http } = fakeServer(() => undefined);
  return renderApp(<MediaGrid media={media} sensitive={sensitive} />, http);
}

describe('MediaGrid', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lays out up to four pictures, crops them around their focal point, and keeps a single one in shape', () => {
    const { container, unmount } = show([picture(1, { meta: { focus: { x: -1, y: 1 } } }), picture(2), picture(3)]);
    expect(container.querySelector('.media-grid')?.className).toContain('media-count-3');
    const imgs = [...container.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('alt'))).toEqual(['Picture 1', 'Picture 2', 'Picture 3']);
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([1, 2, 3].map((n) => `http://localhost/media/${n}/small.webp`));
    expect(imgs[0]!.style.objectPosition).toBe('0% 0%');
    unmount();

    const tall = show([picture(1, { meta: { small: { width: 300, height: 400, aspect: 0.75 } } })]);
    expect((tall.container.querySelector('.media-grid') as HTMLElement).style.aspectRatio).toMatch(/^0\.75\b/);
    tall.unmount();
    // A panorama is cropped (around its focal point) rather than shown as a thin strip.
    const wide = show([picture(1, { meta: { small: { width: 1000, height: 100, aspect: 10 } } })]);
    expect((wide.container.querySelector('.media-grid') as HTMLElement).style.aspectRatio).toMatch(/^3\b/);
  });

  it('draws the blurhash until the picture has loaded', () => {
    const { container } = show([picture(1, { blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj' })]);
    expect(container.querySelector('canvas.blurhash')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.load(container.querySelector('img')!);
    expect(container.querySelector('canvas.blurhash')).toBeNull();
  });

  it('keeps sensitive media hidden, without loading it, until asked, and can hide it again', () => {
    const { container } = show([picture(1, { blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj' })], true);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('canvas.blurhash')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Sensitive content/ }));
    expect(container.querySelector('img')?.getAttribute('alt')).toBe('Picture 1');
    fireEvent.click(screen.getByRole('button', { name: 'Hide media' }));
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the description from the ALT badge', () => {
    show([picture(1, { description: 'A heron standing in a river' }), picture(2, { description: null })]);
    const badges = screen.getAllByRole('button', { name: 'ALT: show description' });
    expect(badges).toHaveLength(1);
    expect(screen.queryByText('A heron standing in a river')).toBeNull();
    fireEvent.click(badges[0]!);
    expect(badges[0]!.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByText('A heron standing in a river')).toBeTruthy();
    // A picture without a description still has a name to open it by.
    expect(screen.getByRole('button', { name: 'Open picture' })).toBeTruthy();
  });

  it('opens pictures in a lightbox: arrows move, Tab stays inside, Escape closes and focus returns', () => {
    show([picture(1), picture(2), picture(3)]);
    const opener = screen.getByRole('button', { name: 'Open picture: Picture 2' });
    opener.focus();
    fireEvent.click(opener);
    const box = screen.getByRole('dialog', { name: 'Picture 2 of 3' });
    expect(within(box).getByRole('img').getAttribute('src')).toBe('http://localhost/media/2/original.webp');
    expect(within(box).getByText('Picture 2')).toBeTruthy();
    const close = within(box).getByRole('button', { name: 'Close' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(box, { key: 'ArrowRight' });
    expect(screen.getByRole('dialog', { name: 'Picture 3 of 3' })).toBeTruthy();
    fireEvent.keyDown(box, { key: 'ArrowRight' });
    expect(within(box).getByRole('img').getAttribute('alt')).toBe('Picture 1');
    fireEvent.click(within(box).getByRole('button', { name: 'Previous picture' }));
    expect(within(box).getByRole('img').getAttribute('alt')).toBe('Picture 3');
    // Tab from the last button wraps to the first.
    fireEvent.keyDown(box, { key: 'Tab' });
    expect(document.activeElement).toBe(within(box).getByRole('button', { name: 'Previous picture' }));
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('plays video with controls, audio with controls, and GIF animations silently in a loop', () => {
    const { container, unmount } = show([mediaAttachment({ type: 'video', url: 'http://localhost/v.mp4', preview_url: 'http://localhost/v.webp', description: 'A train' })]);
    const video = container.querySelector('video')!;
    expect([video.hasAttribute('controls'), video.getAttribute('preload'), video.getAttribute('poster'), video.getAttribute('aria-label')]).toEqual([true, 'metadata', 'http://localhost/v.webp', 'A train']);
    expect(video.hasAttribute('playsinline')).toBe(true);
    unmount();

    const sound = show([mediaAttachment({ type: 'audio', url: 'http://localhost/a.mp3', description: null })]);
    expect(sound.container.querySelector('audio')?.hasAttribute('controls')).toBe(true);
    expect(screen.getByLabelText('Audio')).toBeTruthy();
    sound.unmount();

    const gif = show([mediaAttachment({ type: 'gifv', url: 'http://localhost/g.mp4' })]);
    const loop = gif.container.querySelector('video')!;
    expect([loop.autoplay, loop.loop, loop.muted, loop.controls]).toEqual([true, true, true, false]);
  });

  it('does not start GIF animations by themselves for people who asked for less motion', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), addEventListener: () => {}, removeEventListener: () => {} }));
    const { container } = show([mediaAttachment({ type: 'gifv', url: 'http://localhost/g.mp4' })]);
    const loop = container.querySelector('video')!;
    expect([loop.autoplay, loop.controls]).toEqual([false, true]);
  });
});
