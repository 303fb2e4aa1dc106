// A corpus of uploads soaked in identifying metadata, the way phones and cameras write it: GPS,
// camera make/model/serial, capture dates, titles, chapters, cover art. The metadata is written
// with exiftool and ffmpeg only (sharp and heif-enc make the bare pixels), so the corpus does not
// depend on the code it tests. Every file carries the same markers; finding one in anything
// Parley stored is a leak.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { EXIFTOOL, FFMPEG, HEIF_ENC, run } from './tools.ts';

export const SECRET = 'PARLEY-SECRET';
export const SERIAL = 'PARLEY-SERIAL-4242';
/** New York City, 40.7128 N 74.0060 W: written as numbers (EXIF rationals) and as text (ISO 6709). */
export const GPS = { lat: 40.7128, lon: -74.006 };

export type CorpusName =
  | 'jpeg' | 'png' | 'webp' | 'heic' | 'avif' | 'gif' | 'animated-gif'
  | 'mp4' | 'mov' | 'webm' | 'mp3' | 'm4a' | 'opus' | 'wav';

export interface CorpusFile {
  name: CorpusName;
  path: string;
  /** The upload's file name: like a phone's, it says something too. */
  filename: string;
  /** The Content-Type a client would send. */
  mime: string;
  /** The MediaAttachment type Parley should make of it. */
  type: 'image' | 'gifv' | 'video' | 'audio';
  /** Pixel size the stored original must have (after auto-orientation). */
  size?: { width: number; height: number };
  /** exiftool keys ("Group:Tag") that must be present in the source, with what they must say. */
  carries: Record<string, RegExp>;
  /** Chapters ffprobe must find in the source. */
  chapters?: number;
  /** Byte strings the source must contain (PNG chunk types, say). */
  containsBytes?: string[];
}

const WIDTH = 64;
const HEIGHT = 48;

/** A non-square picture with some structure, so orientation and blurhash have something to show. */
export function basePicture(width = WIDTH, height = HEIGHT): Sharp {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      px[i] = (x * 255) / width;
      px[i + 1] = (y * 255) / height;
      px[i + 2] = (x < width / 2) === (y < height / 2) ? 220 : 30;
    }
  }
  return sharp(px, { raw: { width, height, channels: 3 } });
}

const DATE = '2021:01:06 12:00:00';
const ISO6709 = '+40.7128-074.0060/';

const EXIF_GPS = ['-GPSLatitude=40.7128', '-GPSLatitudeRef=N', '-GPSLongitude=74.0060', '-GPSLongitudeRef=W', '-GPSAltitude=10', '-GPSAltitudeRef=0'];
const CAMERA = ['-Make=ParleyCam', `-Model=${SECRET}-Model`, `-SerialNumber=${SERIAL}`, `-DateTimeOriginal=${DATE}`, `-Artist=${SECRET}`, `-Software=${SECRET}-Software`];
const XMP = [`-XMP-dc:Title=${SECRET}`, `-XMP-dc:Creator=${SECRET}`, '-XMP-exif:GPSLatitude=40.7128', '-XMP-exif:GPSLongitude=-74.0060', `-XMP-aux:SerialNumber=${SERIAL}`];
const GIF_XMP = [`-Comment=${SECRET}`, `-XMP-dc:Title=${SECRET}`, '-XMP-exif:GPSLatitude=40.7128', '-XMP-exif:GPSLongitude=-74.0060', '-XMP-tiff:Make=ParleyCam', `-XMP-exifEX:SerialNumber=${SERIAL}`];

/** The tags every EXIF-capable still must show. */
const STILL_CARRIES: Record<string, RegExp> = {
  'GPS:GPSLatitude': /^40 deg 42' 46/,
  'GPS:GPSLongitude': /^74 deg 0' 21/,
  'IFD0:Make': /ParleyCam/,
  'IFD0:Model': /PARLEY-SECRET/,
  'ExifIFD:SerialNumber': /PARLEY-SERIAL-4242/,
  'ExifIFD:DateTimeOriginal': /^2021:01:06/,
  'XMP-dc:Title': /PARLEY-SECRET/,
  'XMP-exif:GPSLatitude': /^40 deg 42' 46/,
};
const GIF_CARRIES: Record<string, RegExp> = {
  'File:Comment': /PARLEY-SECRET/,
  'XMP-dc:Title': /PARLEY-SECRET/,
  'XMP-exif:GPSLongitude': /W$/,
  'XMP-exifEX:SerialNumber': /PARLEY-SERIAL-4242/,
};

async function exifWrite(file: string, args: string[]): Promise<void> {
  await run(EXIFTOOL, ['-q', '-q', '-overwrite_original', ...args, file]);
}

/** ffmpeg's global metadata and two chapters, as an FFMETADATA file. */
async function chaptersFile(dir: string, owner: string): Promise<string> {
  const file = path.join(dir, `${owner}-chapters.ffmeta`);
  const chapter = (start: number, end: number, title: string) => `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${start}\nEND=${end}\ntitle=${title}\n`;
  await writeFile(file, `;FFMETADATA1\ntitle=${SECRET}\nartist=${SECRET}\n${chapter(0, 500, `${SECRET} at home`)}${chapter(500, 1000, `${SECRET} ${ISO6709}`)}`);
  return file;
}

async function ffmpeg(args: string[]): Promise<void> {
  await run(FFMPEG, ['-v', 'error', '-y', '-nostdin', ...args]);
}

const TEST_VIDEO = ['-f', 'lavfi', '-i', `testsrc=size=${WIDTH}x${HEIGHT}:rate=10:duration=1`];
const TEST_TONE = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'];
const TAGS = ['-metadata', `title=${SECRET}`, '-metadata', `artist=${SECRET}`, '-metadata', `comment=GPS 40.7128 N 74.0060 W ${SERIAL}`];

type Recipe = (file: string, dir: string, cover: () => Promise<string>) => Promise<void>;

const RECIPES: Record<CorpusName, Omit<CorpusFile, 'name' | 'path' | 'filename'> & { ext: string; make: Recipe }> = {
  jpeg: {
    ext: 'jpg', mime: 'image/jpeg', type: 'image',
    // Orientation 6 ("rotate 90 CW"): a correct upright copy is 48 wide and 64 high.
    size: { width: HEIGHT, height: WIDTH },
    carries: {
      ...STILL_CARRIES,
      'IFD0:Orientation': /Rotate 90 CW/,
      'IPTC:By-line': /PARLEY-SECRET/,
      'IPTC:City': /PARLEY-SECRET/,
      'IFD1:ThumbnailImage': /Binary data/,
      'ICC_Profile:ProfileDescription': /P3/,
      'File:Comment': /PARLEY-SECRET/,
    },
    async make(file, dir) {
      const thumb = path.join(dir, 'thumbnail.jpg');
      await basePicture(16, 12).jpeg().toFile(thumb);
      await basePicture().withIccProfile('p3').jpeg().toFile(file);
      await exifWrite(file, [
        ...EXIF_GPS, ...CAMERA, ...XMP, '-Orientation#=6',
        `-IPTC:By-line=${SECRET}`, `-IPTC:City=${SECRET}-City`, `-IPTC:ObjectName=${SECRET}`,
        `-Comment=${SECRET}`, `-ThumbnailImage<=${thumb}`,
      ]);
    },
  },
  png: {
    ext: 'png', mime: 'image/png', type: 'image', size: { width: WIDTH, height: HEIGHT },
    carries: { ...STILL_CARRIES, 'PNG:Comment': /PARLEY-SECRET/, 'PNG:Author': /PARLEY-SECRET/, 'ICC_Profile:ProfileDescription': /P3/ },
    containsBytes: ['eXIf', 'tEXt', 'iTXt', 'iCCP'],
    async make(file) {
      await basePicture().withIccProfile('p3').png().toFile(file);
      await exifWrite(file, [...EXIF_GPS, ...CAMERA, ...XMP, `-PNG:Comment=${SECRET}`, `-PNG:Author=${SECRET}`]);
    },
  },
  webp: {
    ext: 'webp', mime: 'image/webp', type: 'image', size: { width: WIDTH, height: HEIGHT },
    carries: STILL_CARRIES,
    async make(file) {
      await basePicture().webp().toFile(file);
      await exifWrite(file, [...EXIF_GPS, ...CAMERA, ...XMP]);
    },
  },
  heic: {
    ext: 'heic', mime: 'image/heic', type: 'image', size: { width: WIDTH, height: HEIGHT },
    carries: STILL_CARRIES,
    async make(file, dir) {
      const png = path.join(dir, 'heic-source.png');
      await basePicture().png().toFile(png);
      await run(HEIF_ENC, ['-q', '50', png, '-o', file]);
      await exifWrite(file, [...EXIF_GPS, ...CAMERA, ...XMP]);
    },
  },
  avif: {
    ext: 'avif', mime: 'image/avif', type: 'image', size: { width: WIDTH, height: HEIGHT },
    carries: STILL_CARRIES,
    async make(file) {
      await basePicture().avif({ effort: 0 }).toFile(file);
      await exifWrite(file, [...EXIF_GPS, ...CAMERA, ...XMP]);
    },
  },
  gif: {
    ext: 'gif', mime: 'image/gif', type: 'image', size: { width: WIDTH, height: HEIGHT },
    carries: GIF_CARRIES,
    async make(file) {
      await basePicture().gif().toFile(file);
      await exifWrite(file, GIF_XMP);
    },
  },
  'animated-gif': {
    ext: 'gif', mime: 'image/gif', type: 'gifv', size: { width: WIDTH, height: HEIGHT },
    carries: { ...GIF_CARRIES, 'GIF:FrameCount': /^10$/ },
    async make(file) {
      await ffmpeg([...TEST_VIDEO, '-loop', '0', file]);
      await exifWrite(file, GIF_XMP);
    },
  },
  mp4: {
    ext: 'mp4', mime: 'video/mp4', type: 'video', size: { width: WIDTH, height: HEIGHT }, chapters: 2,
    carries: {
      'ItemList:GPSCoordinates': /^40 deg 42' 46.* N, 74 deg 0' 21.* W/,
      'UserData:Make': /ParleyCam/,
      'UserData:Model': /PARLEY-SECRET/,
      'UserData:SerialNumber': /PARLEY-SERIAL-4242/,
      'ItemList:Encoder': /PARLEY-SECRET/,
      'ItemList:Title': /PARLEY-SECRET/,
      'QuickTime:CreateDate': /^2021:01:06/,
      'UserData:ChapterList': /PARLEY-SECRET/,
    },
    async make(file, dir) {
      // A subtitle track too: extra tracks are where data hides that a player never shows.
      const srt = path.join(dir, 'subtitles.srt');
      await writeFile(srt, `1\n00:00:00,000 --> 00:00:01,000\n${SECRET} ${ISO6709}\n`);
      await ffmpeg([
        ...TEST_VIDEO, ...TEST_TONE, '-i', await chaptersFile(dir, 'mp4'), '-i', srt,
        '-map', '0:v', '-map', '1:a', '-map', '3:s', '-map_metadata', '2', '-map_chapters', '2',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k', '-c:s', 'mov_text',
        ...TAGS, '-metadata', `location=${ISO6709}`, '-metadata', 'creation_time=2021-01-06T12:00:00Z', file,
      ]);
      await exifWrite(file, [
        '-GPSCoordinates=40.7128, -74.0060, 10', '-Make=ParleyCam', `-Model=${SECRET}-Model`, `-UserData:SerialNumber=${SERIAL}`,
        `-Encoder=${SECRET}-Encoder`, `-UserData:Title=${SECRET}`, `-ItemList:Title=${SECRET}`, `-CreateDate=${DATE}`,
      ]);
    },
  },
  mov: {
    ext: 'mov', mime: 'video/quicktime', type: 'video', size: { width: WIDTH, height: HEIGHT }, chapters: 2,
    carries: {
      'Keys:GPSCoordinates': /^40 deg 42' 46.* N, 74 deg 0' 21.* W/,
      'Keys:Make': /ParleyCam/,
      'Keys:Model': /PARLEY-SECRET/,
      'Keys:CreationDate': /^2021:01:06/,
      'Keys:Software': /PARLEY-SECRET/,
      'UserData:SerialNumber': /PARLEY-SERIAL-4242/,
      'UserData:Encoder': /PARLEY-SECRET/,
      'UserData:ChapterList': /PARLEY-SECRET/,
    },
    async make(file, dir) {
      await ffmpeg([
        ...TEST_VIDEO, ...TEST_TONE, '-i', await chaptersFile(dir, 'mov'), '-map', '0:v', '-map', '1:a', '-map_metadata', '2', '-map_chapters', '2',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '32k',
        ...TAGS, '-metadata', 'creation_time=2021-01-06T12:00:00Z', file,
      ]);
      // The tags an iPhone writes (QuickTime "Keys").
      await exifWrite(file, [
        '-Keys:GPSCoordinates=40.7128, -74.0060, 10', '-Keys:Make=ParleyCam', `-Keys:Model=${SECRET}-Model`, `-Keys:Software=${SECRET}-Software`,
        `-Keys:CreationDate=${DATE}-05:00`, `-Keys:Title=${SECRET}`, `-UserData:Encoder=${SECRET}-Encoder`, `-UserData:SerialNumber=${SERIAL}`, `-CreateDate=${DATE}`,
      ]);
    },
  },
  webm: {
    ext: 'webm', mime: 'video/webm', type: 'video', size: { width: WIDTH, height: HEIGHT }, chapters: 2,
    carries: { 'Matroska:Title': /PARLEY-SECRET/, 'Matroska:Artist': /PARLEY-SECRET/, 'Matroska:Location': /\+40\.7128/, 'Track1:TrackName': /PARLEY-SECRET/, 'Chapter1:ChapterString': /PARLEY-SECRET/ },
    // exiftool cannot write Matroska: ffmpeg's tags are what a WebM carries.
    async make(file, dir) {
      await ffmpeg([
        ...TEST_VIDEO, ...TEST_TONE, '-i', await chaptersFile(dir, 'webm'), '-map', '0:v', '-map', '1:a', '-map_metadata', '2', '-map_chapters', '2',
        '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '100k', '-c:a', 'libopus', '-b:a', '32k',
        ...TAGS, '-metadata', `location=${ISO6709}`, '-metadata', 'DATE_RECORDED=2021-01-06', '-metadata:s:v', `title=${SECRET}`, file,
      ]);
    },
  },
  mp3: {
    ext: 'mp3', mime: 'audio/mpeg', type: 'audio',
    carries: {
      'ID3v2_3:Title': /PARLEY-SECRET/,
      'ID3v2_3:Artist': /PARLEY-SECRET/,
      'ID3v2_3:UserDefinedText': /40\.7128/,
      'ID3v2_3:Picture': /Binary data/,
      'ID3v1:Title': /PARLEY-SECRET/,
      'ID3v1:Comment': /40\.7128/,
    },
    // exiftool cannot write ID3: ffmpeg writes ID3v2.3 and ID3v1, with the GPS-tagged JPEG as cover art.
    async make(file, _dir, cover) {
      await ffmpeg([
        ...TEST_TONE, '-i', await cover(), '-map', '0:a', '-map', '1:v', '-c:a', 'libmp3lame', '-b:a', '64k', '-c:v', 'copy',
        '-disposition:v', 'attached_pic', '-metadata:s:v', `title=${SECRET} cover`, '-id3v2_version', '3', '-write_id3v1', '1',
        ...TAGS, '-metadata', `album=${SECRET}`, '-metadata', 'date=2021', file,
      ]);
    },
  },
  m4a: {
    ext: 'm4a', mime: 'audio/mp4', type: 'audio',
    carries: {
      'ItemList:Title': /PARLEY-SECRET/,
      'ItemList:Artist': /PARLEY-SECRET/,
      'ItemList:CoverArt': /Binary data/,
      'ItemList:GPSCoordinates': /^40 deg 42' 46/,
      'ItemList:Encoder': /PARLEY-SECRET/,
      'ItemList:Composer': /PARLEY-SERIAL-4242/,
    },
    async make(file, _dir, cover) {
      await ffmpeg([
        ...TEST_TONE, '-i', await cover(), '-map', '0:a', '-map', '1:v', '-c:a', 'aac', '-b:a', '32k', '-c:v', 'copy',
        '-disposition:v', 'attached_pic', ...TAGS, '-metadata', 'creation_time=2021-01-06T12:00:00Z', file,
      ]);
      await exifWrite(file, [`-ItemList:Encoder=${SECRET}-Encoder`, '-ItemList:GPSCoordinates=40.7128, -74.0060', `-ItemList:Composer=${SERIAL}`]);
    },
  },
  opus: {
    ext: 'ogg', mime: 'audio/ogg', type: 'audio',
    carries: { 'Vorbis:Title': /PARLEY-SECRET/, 'Vorbis:Artist': /PARLEY-SECRET/, 'Vorbis:Location': /\+40\.7128/, 'Vorbis:Serial': /PARLEY-SERIAL-4242/ },
    async make(file) {
      await ffmpeg([...TEST_TONE, '-c:a', 'libopus', '-b:a', '32k', ...TAGS, '-metadata', `LOCATION=${ISO6709}`, '-metadata', `SERIAL=${SERIAL}`, file]);
    },
  },
  wav: {
    ext: 'wav', mime: 'audio/wav', type: 'audio',
    carries: { 'RIFF:Title': /PARLEY-SECRET/, 'RIFF:Artist': /PARLEY-SECRET/, 'RIFF:Comment': /40\.7128/, 'RIFF:DateCreated': /^2021/ },
    async make(file) {
      await ffmpeg([...TEST_TONE, '-c:a', 'pcm_s16le', ...TAGS, '-metadata', 'date=2021-01-06', file]);
    },
  },
};

export const CORPUS_NAMES = Object.keys(RECIPES) as CorpusName[];

export interface Corpus {
  /** The temporary folder holding the files (tests may put their own scratch files there too). */
  dir: string;
  files: CorpusFile[];
  get(name: CorpusName): CorpusFile;
  remove(): Promise<void>;
}

/**
 * Builds the named corpus files (all by default) into a fresh folder under os.tmpdir(). Files
 * are made concurrently; the audio recipes share one cover picture.
 */
export async function createCorpus(names: readonly CorpusName[] = CORPUS_NAMES): Promise<Corpus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-corpus-'));
  let coverPromise: Promise<string> | null = null;
  const cover = () => {
    coverPromise ??= (async () => {
      const dest = path.join(dir, 'cover.jpg');
      await RECIPES.jpeg.make(dest, dir, cover);
      return dest;
    })();
    return coverPromise;
  };
  const files = await Promise.all(names.map(async (name): Promise<CorpusFile> => {
    const { ext, make, ...rest } = RECIPES[name];
    const filename = `${SECRET}-${name}.${ext}`;
    const file = path.join(dir, filename);
    await make(file, dir, cover);
    return { name, path: file, filename, ...rest };
  }));
  return {
    dir,
    files,
    get(name) {
      const found = files.find((f) => f.name === name);
      if (!found) throw new Error(`${name} is not in this corpus`);
      return found;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
