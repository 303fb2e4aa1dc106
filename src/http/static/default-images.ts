// The avatar and header that accounts without their own images point at (see the account
// serializer). Drawn once in memory at start-up: a plain silhouette and a plain banner.
import type { RouteGroup } from '../routes.ts';
import { encodePng, type Rgb } from './png.ts';

const BACKGROUND: Rgb = [217, 225, 232];
const FIGURE: Rgb = [154, 168, 181];

function drawAvatar(size = 120): Buffer {
  const c = size / 2;
  const headR = size * 0.2;
  const headY = size * 0.38;
  const bodyR = size * 0.36;
  const bodyY = size * 0.98;
  return encodePng(size, size, (x, y) => {
    const inHead = (x - c) ** 2 + (y - headY) ** 2 <= headR ** 2;
    const inBody = (x - c) ** 2 + (y - bodyY) ** 2 <= bodyR ** 2;
    return inHead || inBody ? FIGURE : BACKGROUND;
  });
}

function drawHeader(width = 600, height = 200): Buffer {
  return encodePng(width, height, () => BACKGROUND);
}

export const defaultImagesRoutes: RouteGroup = (app) => {
  const images: Record<string, Buffer> = {
    '/avatars/original/missing.png': drawAvatar(),
    '/headers/original/missing.png': drawHeader(),
  };
  for (const [path, png] of Object.entries(images)) {
    app.get(path, { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      reply.type('image/png');
      return reply.send(png);
    });
  }
};
