// Focal points, Mastodon's way: x from -1 (left edge) to 1 (right edge), y from -1 (bottom) to
// 1 (top). Crops of a picture keep this point in view.
export interface Focus {
  x: number;
  y: number;
}

const clamp = (n: number) => Math.min(1, Math.max(-1, n));
const round = (n: number) => Math.round(n * 100) / 100;

/** The focal point for a click at (px, py) inside a picture drawn width × height. */
export function pointToFocus(px: number, py: number, width: number, height: number): Focus {
  if (width <= 0 || height <= 0) return { x: 0, y: 0 };
  return { x: round(clamp((px / width) * 2 - 1)), y: round(clamp(1 - (py / height) * 2)) };
}

/** Where the point sits, as percentages from the left and from the top. */
export function focusToPercent(f: Focus): { left: number; top: number } {
  return { left: round(((f.x + 1) / 2) * 100), top: round(((1 - f.y) / 2) * 100) };
}

/** CSS object-position that keeps the focal point in view when the picture is cropped. */
export function objectPosition(f: Focus | null | undefined): string | undefined {
  if (!f) return undefined;
  const { left, top } = focusToPercent(f);
  return `${left}% ${top}%`;
}

export function moveFocus(f: Focus, dx: number, dy: number): Focus {
  return { x: round(clamp(f.x + dx)), y: round(clamp(f.y + dy)) };
}

/** The "x,y" form the API takes. */
export function focusParam(f: Focus | null): string {
  const p = f ?? { x: 0, y: 0 };
  return `${p.x.toFixed(2)},${p.y.toFixed(2)}`;
}

export function sameFocus(a: Focus | null | undefined, b: Focus | null | undefined): boolean {
  const pa = a ?? { x: 0, y: 0 };
  const pb = b ?? { x: 0, y: 0 };
  return Math.abs(pa.x - pb.x) < 0.005 && Math.abs(pa.y - pb.y) < 0.005;
}
