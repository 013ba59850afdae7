"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { FormAlert } from "@/ui/FormAlert";
import formStyles from "@/ui/forms.module.css";
import { StatusMessage } from "@/ui/StatusMessage";
import { changeListed, listedItems } from "@/lib/paging";
import { usePageActions } from "@/ui/usePageActions";
import { emptyTrash, purgeFromTrash, restoreFromTrash, trashQuery, type Item } from "./api";
import styles from "./files.module.css";
import { DateCell, NameCell, PagedTable, SizeCell, SizeHeader } from "./PagedTable";
import { PageTitle } from "./PageTitle";
import { itemHref } from "./routes";
import { useRefreshUsage } from "./Usage";

type OpenDialog = { kind: "purge"; item: Item } | { kind: "empty" } | null;

/** `/files/trash`: what was deleted, to restore or to delete for good. */
export function TrashPage() {
  const refreshUsage = useRefreshUsage();
  const queryClient = useQueryClient();
  const trash = trashQuery();
  const list = useInfiniteQuery(trash);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const actions = usePageActions();
  const empty = list.status === "success" && listedItems(list).length === 0;

  function drop(item: Item) {
    changeListed<Item>(queryClient, trash.queryKey, (items) =>
      items.filter((i) => i.id !== item.id),
    );
  }

  function restore(item: Item) {
    return actions.run(item.id, async () => {
      const restored = await restoreFromTrash(item.id);
      drop(item);
      refreshUsage();
      actions.report(
        <p>
          Restored “{item.name}”
          {restored.name !== item.name ? ` as “${restored.name}”, as the name was taken` : ""}.{" "}
          <Link href={itemHref(restored)} className={formStyles.inlineLink}>
            Open “{restored.name}”
          </Link>
        </p>,
      );
    });
  }

  function openDialog(next: OpenDialog) {
    actions.clear();
    setDialog(next);
  }

  return (
    <div className={styles.page}>
      <PageTitle title="Trash">
        <button
          type="button"
          className={formStyles.secondary}
          onClick={() => openDialog({ kind: "empty" })}
          disabled={list.status !== "success" || empty}
        >
          Empty trash…
        </button>
      </PageTitle>
      <p className={styles.muted}>
        Deleted folders and files stay here for a while before they are removed for good. A restored
        item goes back to its folder, or to My files if that folder is gone too.
      </p>

      <StatusMessage>{actions.outcome}</StatusMessage>
      {actions.error && <FormAlert error={actions.error} formId="trash-actions" />}

      <PagedTable
        list={list}
        loading="Loading the trash…"
        what="The trash"
        empty={<p>The trash is empty.</p>}
        label="Deleted items"
        columns={
          <>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <SizeHeader />
            <th scope="col">Deleted</th>
            <th scope="col" className={styles.actionsColumn}>
              <span className={styles.srOnly}>Actions</span>
            </th>
          </>
        }
        cells={(item) => (
          <>
            <NameCell item={item} />
            <td className={styles.kind}>{item.kind === "folder" ? "Folder" : "File"}</td>
            <SizeCell item={item} />
            <DateCell at={item.deletedAt} />
            <td className={styles.actionsColumn}>
              <div className={styles.rowActions}>
                <button
                  type="button"
                  className={`${formStyles.secondary} ${formStyles.small}`}
                  onClick={() => restore(item)}
                  disabled={actions.busy !== null}
                  aria-label={`Restore ${item.name}`}
                >
                  {actions.busy === item.id ? "Restoring…" : "Restore"}
                </button>
                <button
                  type="button"
                  className={`${formStyles.secondary} ${formStyles.small}`}
                  onClick={() => openDialog({ kind: "purge", item })}
                  disabled={actions.busy !== null}
                  aria-label={`Delete ${item.name} forever`}
                >
                  Delete forever…
                </button>
              </div>
            </td>
          </>
        )}
      />

      {dialog?.kind === "purge" && (
        <ConfirmDialog
          title={`Delete “${dialog.item.name}” forever?`}
          description={
            dialog.item.kind === "folder"
              ? "The folder and everything that was deleted with it are removed for good. This cannot be undone."
              : "The file and all its versions are removed for good. This cannot be undone."
          }
          confirmLabel="Delete forever"
          busyLabel="Deleting…"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await purgeFromTrash(dialog.item.id);
            drop(dialog.item);
            refreshUsage();
            actions.report(<p>Deleted “{dialog.item.name}” forever.</p>);
          }}
        />
      )}
      {dialog?.kind === "empty" && (
        <ConfirmDialog
          title="Empty the trash?"
          description="Everything in the trash is removed for good. This cannot be undone."
          confirmLabel="Empty trash"
          busyLabel="Emptying…"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const { purged } = await emptyTrash();
            await queryClient.invalidateQueries({ queryKey: trash.queryKey });
            refreshUsage();
            actions.report(
              <p>
                Emptied the trash: {purged} {purged === 1 ? "item was" : "items were"} deleted for
                good.
              </p>,
            );
          }}
        />
      )}
    </div>
  );
}
