// The media of a post: a grid of one to four pictures (crops keep the focal point in view), a
// video, a GIF animation or an audio file. Sensitive media stays hidden behind a button; each
// description is the alt text and can be read from its ALT badge; pictures open in a lightbox.
import { useState } from 'react';
import type { MediaAttachmentJson } from '../../../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { objectPosition } from '../lib/media-focus.ts';
import { usePrefersReducedMotion } from '../lib/reduced-motion.ts';
import { Blurhash } from './Blurhash.tsx';
import { Lightbox } from './Lightbox.tsx';

/** A single item keeps its own shape, within bounds, so a panorama or a tall photo does not take over the timeline. */
function singleAspect(m: MediaAttachmentJson): number {
  const size = m.meta?.small ?? m.meta?.original;
  const aspect = size?.aspect ?? (size?.width && size.height ? size.width / size.height : null) ?? m.meta?.aspect ?? 16 / 9;
  return Math.min(3, Math.max(0.6, aspect));
}

function AltBadge({ description }: { description: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="media-alt-badge" aria-expanded={open} aria-label={t('media.altBadge')} onClick={() => setOpen((o) => !o)}>
        ALT
      </button>
      {open && <p className="media-alt-text">{description}</p>}
    </>
  );
}

function Picture({ m, onOpen }: { m: MediaAttachmentJson; onOpen: () => void }) {
  const { t } = useI18n();
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      {!loaded && <Blurhash hash={m.blurhash} />}
      <button type="button" className="media-open" onClick={onOpen} aria-label={m.description ? t('media.viewDescribed', { alt: m.description }) : t('media.view')}>
        <img src={m.preview_url ?? m.url ?? ''} alt={m.description ?? ''} loading="lazy" style={{ objectPosition: objectPosition(m.meta?.focus) }} onLoad={() => setLoaded(true)} />
      </button>
    </>
  );
}

function Item({ m, onOpen }: { m: MediaAttachmentJson; onOpen: () => void }) {
  const { t } = useI18n();
  const reduced = usePrefersReducedMotion();
  const label = m.description || undefined;
  if (!m.url) return <p className="media-unavailable">{t('media.unavailable')}</p>;
  switch (m.type) {
    case 'image':
      return <Picture m={m} onOpen={onOpen} />;
    case 'gifv':
      // Animations play silently by themselves, unless the person asked for less motion: then they start on request.
      return <video src={m.url} poster={m.preview_url ?? undefined} autoPlay={!reduced} controls={reduced} loop muted playsInline aria-label={label ?? t('media.gifv')} />;
    case 'video':
      return <video src={m.url} poster={m.preview_url ?? undefined} controls playsInline preload="metadata" aria-label={label ?? t('media.video')} />;
    case 'audio':
      return <audio src={m.url} controls preload="metadata" aria-label={label ?? t('media.audio')} />;
    default:
      return (
        <a href={m.url} className="media-unavailable">
          {t('media.download')}
        </a>
      );
  }
}

export function MediaGrid({ media, sensitive }: { media: MediaAttachmentJson[]; sensitive: boolean }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(!sensitive);
  const [viewing, setViewing] = useState<number | null>(null);
  if (!media.length) return null;
  const shown = media.slice(0, 4);
  const pictures = shown.filter((m) => m.type === 'image' && m.url);
  const single = shown.length === 1 ? shown[0]! : null;
  const audioOnly = single?.type === 'audio';
  const hidden = !revealed;

  return (
    <div className="media">
      <div
        className={`media-grid media-count-${shown.length}${audioOnly ? ' media-audio' : ''}`}
        style={single && !audioOnly ? { aspectRatio: String(singleAspect(single)) } : undefined}
      >
        {shown.map((m) => (
          <div key={m.id} className={`media-item media-${m.type}`}>
            {hidden ? (
              <Blurhash hash={m.blurhash} />
            ) : (
              <>
                <Item m={m} onOpen={() => setViewing(pictures.indexOf(m))} />
                {m.description && <AltBadge description={m.description} />}
              </>
            )}
          </div>
        ))}
        {hidden && (
          <button type="button" className="media-reveal" onClick={() => setRevealed(true)}>
            <span className="media-reveal-title">{t('media.sensitive')}</span>
            <span>{t('media.show')}</span>
          </button>
        )}
      </div>
      {sensitive && revealed && (
        <button type="button" className="link-button media-hide" onClick={() => setRevealed(false)}>
          {t('media.hide')}
        </button>
      )}
      {viewing !== null && viewing >= 0 && <Lightbox items={pictures} start={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}
