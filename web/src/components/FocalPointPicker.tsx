// Choosing the focal point of a picture: click (or tap) on it, or move the point with the arrow
// keys. The point is shown where it is; crops in timelines keep it in view.
import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { focusToPercent, moveFocus, pointToFocus, type Focus } from '../lib/media-focus.ts';

const STEP = 0.1;

export function FocalPointPicker({ src, focus, onChange }: { src: string; focus: Focus | null; onChange: (f: Focus) => void }) {
  const { t } = useI18n();
  const hintId = useId();
  const point = focus ?? { x: 0, y: 0 };
  const { left, top } = focusToPercent(point);

  const click = (e: MouseEvent<HTMLButtonElement>) => {
    // Enter or Space also "click" a button, at no point of the picture: keep the focus then.
    if (e.detail === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    onChange(pointToFocus(e.clientX - box.left, e.clientY - box.top, box.width, box.height));
  };

  const key = (e: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, STEP], ArrowDown: [0, -STEP] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    onChange(moveFocus(point, move[0], move[1]));
  };

  return (
    <div className="focal-picker">
      <button
        type="button"
        className="focal-area"
        aria-label={t('media.focalLabel', { left: Math.round(left), top: Math.round(top) })}
        aria-describedby={hintId}
        onClick={click}
        onKeyDown={key}
      >
        <img src={src} alt="" draggable={false} />
        <span className="focal-point" style={{ left: `${left}%`, top: `${top}%` }} aria-hidden="true" />
      </button>
      <p className="meta" id={hintId}>
        {t('media.focalHint')}
      </p>
    </div>
  );
}
