import type { EventInfo } from '../event.ts';
import { createFeed } from './feed.svelte.ts';
import { eventFeed } from './feeds.ts';
import type { HubConnection } from './hub-socket.svelte.ts';

/**
 * The event as this app shows it (its name, day, theme, hotlines, venues): from the hub after
 * every (re)connect and live as it changes; kept on the device, so a kiosk that starts offline
 * still shows the last event it heard of.
 */
export function followEvent(hub: HubConnection, cacheKey: string) {
  const feed = createFeed<EventInfo>(hub);
  const cached = readCached(cacheKey);
  let savedRevision = cached?.revision ?? -1;
  hub.onReady(() => void feed.watch(eventFeed));
  return {
    /** Null only on a device that has never reached the hub. */
    get current(): EventInfo | null {
      const live = feed.current?.state ?? null;
      if (live && live.revision !== savedRevision) {
        savedRevision = live.revision;
        remember(cacheKey, live);
      }
      return live ?? cached;
    },
  };
}

function readCached(key: string): EventInfo | null {
  try {
    const text = typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
    return text ? (JSON.parse(text) as EventInfo) : null;
  } catch {
    return null;
  }
}

function remember(key: string, info: EventInfo): void {
  try {
    localStorage.setItem(key, JSON.stringify(info));
  } catch {
    // A full or blocked storage only costs the offline start.
  }
}
