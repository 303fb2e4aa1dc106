import { describe, expect, it } from 'vitest';
import { attachmentsFull, checkFiles, formatBytes, kindOfFile, mediaLimits, type MediaLimits } from './media-limits.ts';
import { instance } from '../test/harness.tsx';
import type { InstanceV2 } from '../api/types.ts';

const limits: MediaLimits = { maxItems: 4, imageBytes: 1000, videoBytes: 5000, descriptionChars: 1500, mimeTypes: ['image/png', 'image/gif', 'video/mp4', 'audio/mpeg'] };
const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('media limits', () => {
  it("reads the server's configuration, with defaults for a server that gives none", () => {
    expect(mediaLimits(instance as InstanceV2)).toMatchObject({ maxItems: 4, imageBytes: 1024 * 1024, videoBytes: 4 * 1024 * 1024, descriptionChars: 1500 });
    expect(mediaLimits(null)).toEqual({ maxItems: 4, imageBytes: 16 * 1024 * 1024, videoBytes: 100 * 1024 * 1024, descriptionChars: 1500, mimeTypes: null });
  });

  it('tells pictures, video and audio apart, guessing from the name when the type is missing', () => {
    expect(kindOfFile(file('a.png', 'image/png'))).toBe('image');
    expect(kindOfFile(file('a.gif', 'image/gif'))).toBe('image');
    expect(kindOfFile(file('a.mp4', 'video/mp4'))).toBe('video');
    expect(kindOfFile(file('a.mp3', 'audio/mpeg'))).toBe('audio');
    expect(kindOfFile(file('IMG_1.HEIC', ''))).toBe('image');
    expect(kindOfFile(file('song.flac', ''))).toBe('audio');
    expect(kindOfFile(file('notes.pdf', 'application/pdf'))).toBeNull();
    expect(kindOfFile(file('notes', ''))).toBeNull();
  });

  it('accepts up to the maximum of pictures and says so once for the rest', () => {
    const six = ['1', '2', '3', '4', '5', '6'].map((n) => file(`${n}.png`, 'image/png'));
    const { accepted, problems } = checkFiles(['image'], six, limits);
    expect(accepted.map((a) => a.file.name)).toEqual(['1.png', '2.png', '3.png']);
    expect(problems).toEqual([{ key: 'media.tooMany', vars: { n: 4 } }]);
  });

  it('keeps a video, audio file or animation on its own', () => {
    expect(checkFiles(['image'], [file('v.mp4', 'video/mp4')], limits).problems).toEqual([{ key: 'media.alone', vars: { name: 'v.mp4' } }]);
    expect(checkFiles(['gifv'], [file('a.png', 'image/png')], limits).problems).toEqual([{ key: 'media.alone', vars: { name: 'a.png' } }]);
    const both = checkFiles([], [file('v.mp4', 'video/mp4'), file('s.mp3', 'audio/mpeg')], limits);
    expect(both.accepted.map((a) => a.kind)).toEqual(['video']);
    expect(both.problems.map((p) => p.key)).toEqual(['media.alone']);
  });

  it('refuses files over the size limit of their kind, and types the server does not take', () => {
    const { accepted, problems } = checkFiles([], [file('big.png', 'image/png', 1001), file('ok.mp4', 'video/mp4', 4000), file('x.webm', 'video/webm')], limits);
    expect(accepted.map((a) => a.file.name)).toEqual(['ok.mp4']);
    expect(problems).toEqual([
      { key: 'media.imageTooLarge', vars: { name: 'big.png', limit: '1 KB' } },
      { key: 'media.unsupported', vars: { name: 'x.webm' } },
    ]);
    expect(checkFiles([], [file('huge.mp4', 'video/mp4', 5001)], limits).problems[0]?.key).toBe('media.videoTooLarge');
  });

  it('knows when nothing more fits', () => {
    expect(attachmentsFull(['image', 'image', 'image'], limits)).toBe(false);
    expect(attachmentsFull(['image', 'image', 'image', 'image'], limits)).toBe(true);
    expect(attachmentsFull(['video'], limits)).toBe(true);
  });

  it('writes sizes the way people read them', () => {
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(300 * 1024)).toBe('300 KB');
  });
});
