"use client";

import { useEffect, useRef, useState } from "react";
import { followEvents, type StreamEvent } from "./events";

export interface LiveEventHandlers {
  /**
   * The stream opened (again). Nothing sent while it was closed comes again: read what is
   * followed once. `signal` aborts when the page stops following.
   */
  onOpen(signal: AbortSignal): void;
  onEvent(event: StreamEvent): void;
  /** Reads what is followed, every `pollMs` while the stream is not open. */
  poll(signal: AbortSignal): Promise<void>;
  pollMs: number;
}

/**
 * Follows what changes for the account while `active` (no idle connection otherwise): by its
 * live events, and by polling while the stream cannot be opened. The handlers are read when
 * they are needed, so they may change with every render.
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
    const controller = new AbortController();
    const { signal } = controller;
    void followEvents({
      signal,
      onOpen() {
        setLive(true);
        latest.current.onOpen(signal);
      },
      onEvent(event) {
        latest.current.onEvent(event);
      },
      onClosed() {
        setLive(false);
      },
    });
    return () => {
      controller.abort();
      setLive(false);
    };
  }, [active]);

  useEffect(() => {
    if (!active || live) {
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(async () => {
      await latest.current.poll(controller.signal);
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
