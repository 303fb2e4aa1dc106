// The corpus and the policy checked against each other, with no server involved: every corpus
// file must really carry its metadata (read back with exiftool and ffprobe, so the corpus cannot
// silently become clean), the policy must condemn every one of them (so it can fail), and it must
// accept clean files made the documented way (so its failures mean something).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basePicture, createCorpus, CORPUS_NAMES, SECRET, type Corpus } from './corpus.ts';
import { exifProblems, ffprobeProblems, inspectFiles, rawLeaks } from './metadata-policy.ts';
import { FFMPEG, run, tagValue, runMediaTests } from './tools.ts';

let corpus: Corpus;
beforeAll(async () => {
  if (!runMediaTests) return;
  corpus = await createCorpus();
});
afterAll(() => corpus?.remove());

describe.runIf(runMediaTests)('the metadata corpus', () => {
  it.each(CORPUS_NAMES)('%s carries its metadata, and the policy condemns it', async (name) => {
    const file = corpus.get(name);
    const { record, probe, problems } = (await inspectFiles([file.path])).get(file.path)!;
    for (const [key, want] of Object.entries(file.carries)) expect(String(tagValue(record!, key)), key).toMatch(want);
    const bytes = await readFile(file.path);
    expect(rawLeaks(bytes)).toContain(SECRET);
    for (const chunk of file.containsBytes ?? []) expect(bytes.includes(chunk), chunk).toBe(true);
    if (file.chapters) expect(probe?.chapters).toHaveLength(file.chapters);
    if (file.type === 'video' || file.type === 'audio') expect(probe, 'ffprobe reads audio and video').toBeDefined();
    expect(exifProblems(record!).length).toBeGreaterThan(0);
    if (probe) expect(ffprobeProblems(probe).length).toBeGreaterThan(0);
    expect(problems.length).toBeGreaterThan(0);
  });
});

describe.runIf(runMediaTests)('the metadata policy', () => {
  it('accepts clean files made the documented way (sharp without metadata, ffmpeg -map_metadata -1 -bitexact)', async () => {
    const clean = (name: string) => path.join(corpus.dir, `clean-${name}`);
    await basePicture().jpeg().toFile(clean('plain.jpg'));
    await basePicture().withIccProfile('srgb').jpeg().toFile(clean('srgb.jpg'));
    await basePicture().png().toFile(clean('plain.png'));
    await basePicture().webp().toFile(clean('plain.webp'));
    const stripped = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
    await run(FFMPEG, ['-v', 'error', '-nostdin', '-i', corpus.get('mov').path, '-map', '0:v', '-map', '0:a', ...stripped, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', clean('video.mp4')]);
    await run(FFMPEG, ['-v', 'error', '-nostdin', '-i', corpus.get('mp3').path, '-map', '0:a', ...stripped, '-c:a', 'libmp3lame', clean('audio.mp3')]);
    const files = ['plain.jpg', 'srgb.jpg', 'plain.png', 'plain.webp', 'video.mp4', 'audio.mp3'].map(clean);
    const reports = await inspectFiles(files);
    for (const file of files) expect(reports.get(file)!.problems, path.basename(file)).toEqual([]);
  });
});
