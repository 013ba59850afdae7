"use client";

import { useEffect, useRef, useState } from "react";
import { followEvents, type StreamEvent } from "./events";

export interface LiveEventHandlers {
  onEvent(event: StreamEvent): void;
  /**
   * Reads what is followed once: whenever the stream opens (nothing sent while it was closed
   * comes again), and every `pollMs` while it is not open. `signal` aborts when the page stops
   * following.
   */
  catchUp(signal: AbortSignal): Promise<void>;
  pollMs: number;
}

/** One page part's interest in the live events. */
interface Follower {
  handlers: { readonly current: LiveEventHandlers };
  /** Aborts when the follower leaves. */
  controller: AbortController;
  setLive(live: boolean): void;
}

/**
 * The tab's one connection to the live events, shared by every part of the page that follows
 * them (the archive panel, a folder's processing files…): a server holds a few streams per
 * account, and a tab should take one. It opens with the first follower and closes with the last.
 * Every follower hears every event, and is told when the stream opens, or at once when it joins
 * a stream already open (it missed what came before).
 */
const followers = new Set<Follower>();
let connection: AbortController | null = null;
let open = false;

function join(follower: Follower): void {
  followers.add(follower);
  if (connection === null) {
    const controller = new AbortController();
    connection = controller;
    const current = () => connection === controller;
    void followEvents({
      signal: controller.signal,
      onOpen() {
        if (!current()) {
          return;
        }
        open = true;
        for (const f of [...followers]) {
          f.setLive(true);
          void f.handlers.current.catchUp(f.controller.signal);
        }
      },
      onEvent(event) {
        if (current()) {
          for (const f of [...followers]) {
            f.handlers.current.onEvent(event);
          }
        }
      },
      onClosed() {
        if (current()) {
          open = false;
          for (const f of [...followers]) {
            f.setLive(false);
          }
        }
      },
    });
  } else if (open) {
    follower.setLive(true);
    void follower.handlers.current.catchUp(follower.controller.signal);
  }
}

function leave(follower: Follower): void {
  follower.controller.abort();
  followers.delete(follower);
  if (followers.size === 0 && connection !== null) {
    connection.abort();
    connection = null;
    open = false;
  }
}

/**
 * Follows what changes for the account while `active` (no idle connection otherwise): by the
 * tab's shared live event stream, and by polling while it cannot be opened. The handlers are
 * read when they are needed, so they may change with every render.
 */
export function useLiveEvents(active: boolean, handlers: LiveEventHandlers): void {
  const latest = useRef(handlers);
  const [live, setLive] = useState(false);
  const [round, setRound] = useState(0);
  const { pollMs } = handlers;

  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    if (!active) {
      return;
    }
    const follower: Follower = { handlers: latest, controller: new AbortController(), setLive };
    join(follower);
    return () => {
      leave(follower);
      setLive(false);
    };
  }, [active]);

  useEffect(() => {
    if (!active || live) {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      await latest.current.catchUp(controller.signal);
      if (!controller.signal.aborted) {
        setRound((r) => r + 1);
      }
    }, pollMs);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [active, live, round, pollMs]);
}
