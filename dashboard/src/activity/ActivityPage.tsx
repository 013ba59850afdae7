"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { DateCell, PagedTable } from "@/files/PagedTable";
import { PageTitle } from "@/files/PageTitle";
import { itemHref } from "@/files/routes";
import { FormAlert } from "@/ui/FormAlert";
import formStyles from "@/ui/forms.module.css";
import { saveBlob } from "@/ui/saveBlob";
import { usePageActions } from "@/ui/usePageActions";
import filesStyles from "@/files/files.module.css";
import { activityQuery, exportActivity, type Activity } from "./api";
import styles from "./ActivityPage.module.css";

/** What happened, by the verb of an action: "renamed" in `file.renamed`. */
const VERBS: Record<string, string> = {
  created: "created",
  renamed: "renamed",
  moved: "moved",
  copied: "copied",
  trashed: "moved to the trash",
  restored: "restored from the trash",
  purged: "deleted forever",
  "auto-purged": "deleted forever (its time in the trash ran out)",
  uploaded: "uploaded",
  reverted: "version restored",
  "version-deleted": "version deleted",
  "download-url-issued": "downloaded",
  "share-link-created": "share link created",
  "share-link-revoked": "share link revoked",
  requested: "requested",
  deleted: "deleted",
};

/** What an action happened to: "file" in `file.renamed`. */
const KINDS: Record<string, string> = {
  file: "File",
  folder: "Folder",
  archive: "Zip archive",
};

/** "File renamed": an entry's action in words. Actions not known here are shown as they are. */
export function describeAction(action: string): string {
  const dot = action.indexOf(".");
  const kind = KINDS[action.slice(0, dot)];
  const verb = VERBS[action.slice(dot + 1)];
  if (dot < 0 || !verb || !kind) {
    return action;
  }
  return `${kind} ${verb}`;
}

/** Which entries name an item that may still be there to open. */
function linkable(entry: Activity): entry is Activity & { resourceId: string } {
  return (
    (entry.resourceKind === "file" || entry.resourceKind === "folder") &&
    entry.resourceId !== null &&
    !/\.(auto-)?purged$/.test(entry.action)
  );
}

function oldName(entry: Activity): string | null {
  const value = entry.details.oldName;
  return typeof value === "string" ? value : null;
}

function exportName(): string {
  return `depot-activity-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** `/files/activity`: what happened to the account's folders and files, newest first. */
export function ActivityPage() {
  const list = useInfiniteQuery(activityQuery());
  const actions = usePageActions();

  function exportCsv() {
    return actions.run("export", async () => saveBlob(await exportActivity(), exportName()));
  }

  return (
    <div className={filesStyles.page}>
      <PageTitle title="Activity">
        <button
          type="button"
          className={formStyles.secondary}
          onClick={exportCsv}
          disabled={actions.busy !== null}
        >
          {actions.busy ? "Exporting…" : "Export CSV"}
        </button>
      </PageTitle>
      <p className={filesStyles.muted}>
        What happened to your folders and files, newest first. The export holds all of it, oldest
        first.
      </p>
      {actions.error && <FormAlert error={actions.error} formId="activity-export" />}

      <PagedTable
        list={list}
        loading="Loading activity…"
        what="The activity"
        empty={<p>Nothing has happened to your files yet.</p>}
        label="Activity"
        columns={
          <>
            <th scope="col">What</th>
            <th scope="col">Item</th>
            <th scope="col">When</th>
          </>
        }
        cells={(entry) => <ActivityCells entry={entry} />}
      />
    </div>
  );
}

function ActivityCells({ entry }: { entry: Activity }) {
  const was = oldName(entry);
  return (
    <>
      <td className={styles.what}>{describeAction(entry.action)}</td>
      <td>
        {linkable(entry) ? (
          <Link
            href={itemHref({
              id: entry.resourceId,
              kind: entry.resourceKind as "file" | "folder",
            })}
            className={filesStyles.name}
          >
            {entry.resourceName ?? entry.resourceId}
          </Link>
        ) : (
          <span className={filesStyles.name}>{entry.resourceName ?? "—"}</span>
        )}
        {was && <span className={filesStyles.muted}> (was “{was}”)</span>}
      </td>
      <DateCell at={entry.occurredAt} />
    </>
  );
}
