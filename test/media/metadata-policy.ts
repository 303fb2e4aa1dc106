// What a stored media file may still say about itself, judged from exiftool's and ffprobe's
// reports and from its raw bytes. An allow-list of metadata groups (anything unknown fails),
// then, inside the allowed groups, no tag that could identify a person, a place, a device or
// a time.
import { readFile } from 'node:fs/promises';
import { GPS, SECRET, SERIAL } from './corpus.ts';
import { exiftool, ffprobe, groupName, tagName, tagValue, type ExifRecord, type Ffprobe } from './tools.ts';

/** Strings whose presence anywhere means the upload's own metadata survived. */
export const LEAK_STRINGS = [SECRET, SERIAL, 'ParleyCam', String(GPS.lat), '74.0060', '74.006', `40 deg 42'`, `74 deg 0' 21`];

/**
 * exiftool family-1 groups a clean file may show: exiftool's own and the filesystem's, the
 * container's structure (JPEG/JFIF, PNG IHDR/pHYs/sRGB, GIF, RIFF for WebP/WAV, MPEG audio frames,
 * QuickTime/ISO-BMFF boxes and tracks, HEIF/AVIF item structure), derived values, and an ICC
 * profile (checked to be sRGB below). Never EXIF (IFD0/ExifIFD/GPS/IFD1/InteropIFD/MakerNotes),
 * XMP-*, IPTC, Photoshop, QuickTime Keys/UserData/ItemList, ID3, Vorbis comments or chapters.
 */
const ALLOWED_GROUP = /^(ExifTool|System|File|Composite|JFIF|PNG|PNG-pHYs|PNG-sRGB|PNG-gAMA|PNG-cHRM|GIF|RIFF|MPEG|QuickTime|Meta|Track\d+|ICC-header|ICC_Profile|ICC-view|ICC-meas)$/;

/** Groups that describe the filesystem or the tool, whose tag names (FileModifyDate…) say nothing about the upload. */
const TOOL_GROUP = /^(ExifTool|System)$/;
const ICC_GROUP = /^ICC/;

/** Tag names that carry who, where, with what and when, whatever group they turn up in. */
const IDENTIFYING_TAG = /GPS|Location|Latitude|Longitude|Altitude|Make|Model|Serial|Artist|Author|Creator|Owner|Title|Comment|Description|Caption|Subject|Keyword|Encoder|Software|Vendor|Toolkit|Writing|Muxing|Copyright|Rights|Lens|Camera|Album|Genre|Composer|Producer|Director|Publisher|History|DocumentID|InstanceID|Thumbnail|PreviewImage|Picture|CoverArt|Chapter|City|Country|ExifByteOrder|IPTCDigest|Date/;

/** Structural tags whose names happen to match IDENTIFYING_TAG, with the values a clean file has. */
const STRUCTURAL: Record<string, RegExp> = {
  // ISO-BMFF handler names; ffmpeg writes these fixed words, never the uploader's.
  HandlerDescription: /^(VideoHandler|SoundHandler)$/,
  // The MPEG audio header's copyright *bit*.
  CopyrightFlag: /^(true|false)$/i,
  // Blank, or the codec Parley's own ffmpeg used ("Lavc libx264"); the uploader's encoder
  // name would be in a QuickTime/Matroska tag, which is refused above.
  CompressorName: /^(\s*|Lavc[\d.]* [\w-]+)$/,
  // The vendor of the (empty) metadata handler box ffmpeg writes into every MP4.
  HandlerVendorID: /^Apple$/,
  // Sample grouping tables of an audio track (AAC roll recovery), binary structure.
  SampleGroupDescription: /^\(Binary data \d+ bytes/,
};
/**
 * The formats Parley writes. Anything else under the media folder is unexplained, and a file
 * exiftool cannot parse (ExifTool:Error) is one it cannot vouch for.
 */
const STORED_TYPE = /^(image\/(jpeg|png|webp)|video\/mp4|audio\/mpeg)$/;

/** QuickTime stores a creation date in every header; a clean file has zeros there. */
const ZERO_DATE = /^0000:00:00 00:00:00/;

/** Problems with one file's exiftool record (empty when clean). */
export function exifProblems(record: ExifRecord): string[] {
  const problems: string[] = [];
  if (record['ExifTool:Error']) problems.push(`exiftool cannot read it: ${String(record['ExifTool:Error'])}`);
  const type = String(record['File:MIMEType'] ?? 'unknown');
  if (!STORED_TYPE.test(type)) problems.push(`${type} is not a type Parley stores`);
  for (const [key, raw] of Object.entries(record)) {
    if (key === 'SourceFile') continue;
    const group = groupName(key);
    const tag = tagName(key);
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    const leak = LEAK_STRINGS.find((s) => value.toLowerCase().includes(s.toLowerCase()));
    if (leak) problems.push(`${key} = ${value} (contains "${leak}")`);
    else if (!ALLOWED_GROUP.test(group)) problems.push(`${key} = ${value} (group ${group} is not allowed)`);
    else if (TOOL_GROUP.test(group) || ICC_GROUP.test(group)) continue;
    else if (IDENTIFYING_TAG.test(tag)) {
      const structural = STRUCTURAL[tag];
      const fine = structural ? structural.test(value) : /Date/.test(tag) && ZERO_DATE.test(value);
      if (!fine) problems.push(`${key} = ${value} (identifying tag)`);
    }
  }
  const hasIcc = Object.keys(record).some((k) => ICC_GROUP.test(groupName(k)));
  if (hasIcc) {
    const description = String(tagValue(record, 'ICC_Profile:ProfileDescription') ?? '');
    if (!/sRGB/i.test(description)) problems.push(`ICC profile "${description}" is not sRGB`);
  }
  return problems;
}

/** Format-level tags of the ISO-BMFF file type box: structure, not metadata. */
const ALLOWED_FORMAT_TAGS = new Set(['major_brand', 'minor_version', 'compatible_brands']);
/** Stream tags a clean file may have, with their allowed values. */
const ALLOWED_STREAM_TAGS: Record<string, RegExp> = {
  language: /^(und|eng)$/,
  handler_name: STRUCTURAL.HandlerDescription!,
  vendor_id: /^\[0\]\[0\]\[0\]\[0\]$/,
  encoder: STRUCTURAL.CompressorName!,
};

/** Problems in ffprobe's report on one audio/video file (empty when clean). */
export function ffprobeProblems(probe: Ffprobe): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(probe);
  const leak = LEAK_STRINGS.find((s) => text.toLowerCase().includes(s.toLowerCase()));
  if (leak) problems.push(`ffprobe output contains "${leak}"`);
  if ((probe.chapters ?? []).length > 0) problems.push(`${probe.chapters!.length} chapters`);
  for (const [k, v] of Object.entries(probe.format?.tags ?? {})) {
    if (!ALLOWED_FORMAT_TAGS.has(k)) problems.push(`format tag ${k} = ${v}`);
  }
  for (const [i, stream] of (probe.streams ?? []).entries()) {
    // Subtitle, data and attachment tracks, and cover art (a picture with its own EXIF), have no
    // place in a stored video or audio file.
    if (stream.codec_type !== 'video' && stream.codec_type !== 'audio') problems.push(`stream ${i} is ${stream.codec_type}`);
    if (stream.disposition?.attached_pic) problems.push(`stream ${i} is an attached picture`);
    for (const [k, v] of Object.entries(stream.tags ?? {})) {
      const allowed = ALLOWED_STREAM_TAGS[k];
      if (!allowed || !allowed.test(v)) problems.push(`stream ${i} tag ${k} = ${v}`);
    }
  }
  return problems;
}

/** Leak strings found in the raw bytes, in ASCII/UTF-8 and UTF-16 (ID3 and EXIF XP tags use it). */
export function rawLeaks(bytes: Buffer): string[] {
  const found: string[] = [];
  for (const s of LEAK_STRINGS) {
    const forms = [Buffer.from(s, 'latin1'), Buffer.from(s, 'utf16le'), Buffer.from(s, 'utf16le').swap16()];
    if (forms.some((f) => bytes.includes(f))) found.push(s);
  }
  return found;
}

const isAudioOrVideo = (record: ExifRecord | undefined) => /^(video|audio)\//.test(String(record?.['File:MIMEType'] ?? ''));

export interface FileReport {
  record: ExifRecord | undefined;
  /** ffprobe's report, for audio and video files. */
  probe: Ffprobe | undefined;
  /** Everything the policy finds wrong with the file: empty when clean. */
  problems: string[];
}

/** Reads files with exiftool (one run for all), ffprobe (audio/video) and byte by byte, and judges them. */
export async function inspectFiles(files: string[]): Promise<Map<string, FileReport>> {
  const records = await exiftool(files);
  const reports = new Map<string, FileReport>();
  for (const file of files) {
    const record = records.get(file);
    const probe = isAudioOrVideo(record) ? await ffprobe(file) : undefined;
    const problems = [
      ...(record ? exifProblems(record) : [`exiftool could not read ${file}`]),
      ...(probe ? ffprobeProblems(probe) : []),
      ...rawLeaks(await readFile(file)).map((s) => `raw bytes contain "${s}"`),
    ];
    reports.set(file, { record, probe, problems });
  }
  return reports;
}
