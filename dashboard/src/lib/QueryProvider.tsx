"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failure shows at once with its "Try again"; the pages ask again after their own
      // changes and after live events, not when the window regains focus.
      queries: { retry: false, refetchOnWindowFocus: false },
    },
  });
}

/**
 * Holds what the pages loaded from the API (TanStack Query) for the account `accountId`. Signing
 * out, or in as someone else, starts from an empty cache: nothing of the last account shows.
 */
export function QueryProvider({
  accountId,
  children,
}: {
  accountId: string | null;
  children: ReactNode;
}) {
  const [current, setCurrent] = useState(() => ({ accountId, client: newQueryClient() }));
  let client = current.client;
  if (current.accountId !== accountId) {
    // Signing in keeps what was loaded without an account (a shared link's file).
    client = current.accountId === null ? current.client : newQueryClient();
    setCurrent({ accountId, client });
  }
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
