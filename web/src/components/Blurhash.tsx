// A blurred stand-in for a picture that is still loading (or hidden as sensitive): the server's
// blurhash decoded into a tiny canvas, which CSS stretches over the picture's place.
import { useEffect, useRef } from 'react';
import { decode, isBlurhashValid } from 'blurhash';

const SIZE = 32;

export function Blurhash({ hash, className = 'blurhash' }: { hash: string | null; className?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!hash || !ctx || !isBlurhashValid(hash).result) return;
    const image = ctx.createImageData(SIZE, SIZE);
    image.data.set(decode(hash, SIZE, SIZE));
    ctx.putImageData(image, 0, 0);
  }, [hash]);
  if (!hash) return null;
  return <canvas ref={canvas} className={className} width={SIZE} height={SIZE} aria-hidden="true" />;
}
