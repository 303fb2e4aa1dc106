// Mastodon's media limits, which Parley enforces and reports in /api/v2/instance.
/** Larger pictures are refused before they are decoded (a decompression-bomb guard). */
export const IMAGE_MATRIX_LIMIT = 33_177_600;
/** 4K (3840x2160) at most. */
export const VIDEO_MATRIX_LIMIT = 8_294_400;
export const VIDEO_FRAME_RATE_LIMIT = 120;
