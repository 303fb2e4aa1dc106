import { useCallback } from 'react';
import { useSession } from '../session.tsx';
import { Page } from '../components/Page.tsx';
import { Timeline } from '../components/Timeline.tsx';

export default function TagTimeline({ tag }: { tag: string }) {
  const { api } = useSession();
  const load = useCallback((url?: string) => api.tagTimeline(tag, url), [api, tag]);
  return (
    <Page title={`#${tag}`}>
      <Timeline id={`tag:${tag}`} label={`#${tag}`} load={load} stream={{ name: 'hashtag', params: { tag } }} />
    </Page>
  );
}
