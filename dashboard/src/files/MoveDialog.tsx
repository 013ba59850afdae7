"use client";

import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { problemCode } from "@/lib/client";
import { CancelButton, Dialog, useCloseDialog } from "@/ui/Dialog";
import { SubmitAlert } from "@/ui/Form";
import { FormAlert } from "@/ui/FormAlert";
import { toFormError, type FormError } from "@/ui/formError";
import formStyles from "@/ui/forms.module.css";
import { LoadError } from "@/ui/LoadError";
import { useSubmit } from "@/ui/useSubmit";
import {
  copyFile,
  getFolder,
  listChildren,
  updateItem,
  type FolderView,
  type Item,
  type OnConflict,
  type PathEntry,
} from "./api";
import styles from "./files.module.css";
import { ItemIcon } from "./ItemIcon";
import { KeepBoth } from "./KeepBoth";
import { ROOT_NAME } from "./routes";

const PAGE_SIZE = 200;

interface Destination {
  view: FolderView;
  folders: Item[];
  /** Where the next page of subfolders starts; null once every subfolder is listed. */
  nextCursor: string | null;
}

/** A page of a folder's subfolders. Folders come before files, so a file ends the subfolders. */
async function subfolders(folderId: string, cursor: string | null, signal?: AbortSignal) {
  const page = await listChildren(
    folderId,
    { sort: "name", order: "asc", limit: PAGE_SIZE, cursor },
    signal,
  );
  const folders = page.items.filter((item) => item.kind === "folder");
  return { folders, nextCursor: folders.length === page.items.length ? page.nextCursor : null };
}

/** A folder to place the item in, with the first page of its subfolders. */
function destinationQuery(folderId: string | null) {
  return queryOptions({
    queryKey: ["destination", folderId],
    queryFn: async ({ signal }): Promise<Destination> => {
      const view = await getFolder(folderId, signal);
      return { view, ...(await subfolders(view.folder.id, null, signal)) };
    },
  });
}

export type Placement = "move" | "copy";

interface MoveDialogProps {
  item: Item;
  mode: Placement;
  /** The moved item or the copy, and the folder it went to. */
  onPlaced: (placed: Item, destination: PathEntry) => void;
  onClose: () => void;
}

/** Moves a folder or file, or copies a file, to a folder the user browses to. */
export function MoveDialog({ item, mode, onPlaced, onClose }: MoveDialogProps) {
  return (
    <Dialog
      wide
      title={`${mode === "move" ? "Move" : "Copy"} “${item.name}”`}
      description={
        mode === "move"
          ? "Open the folder to move it to, then choose Move."
          : "Open the folder to copy it to, then choose Copy. The copy shares the stored bytes."
      }
      onClose={onClose}
    >
      <FolderPicker item={item} mode={mode} onPlaced={onPlaced} />
    </Dialog>
  );
}

function FolderPicker({
  item,
  mode,
  onPlaced,
}: {
  item: Item;
  mode: Placement;
  onPlaced: MoveDialogProps["onPlaced"];
}) {
  const close = useCloseDialog();
  const [browsing, setBrowsing] = useState<string | null>(item.parentId);
  const queryClient = useQueryClient();
  const destination = useQuery(destinationQuery(browsing));
  const form = useSubmit("place", {});
  const [conflict, setConflict] = useState(false);
  const [more, setMore] = useState<{ busy: boolean; error: FormError | null }>({
    busy: false,
    error: null,
  });
  const listHeading = useRef<HTMLHeadingElement>(null);
  const navigated = useRef(false);

  useEffect(() => {
    if (destination.status === "success" && navigated.current) {
      navigated.current = false;
      listHeading.current?.focus();
    }
  }, [destination.status, browsing]);

  function open(folderId: string | null) {
    navigated.current = true;
    setMore({ busy: false, error: null });
    form.setError(null);
    setConflict(false);
    setBrowsing(folderId);
  }

  const loaded = destination.status === "success" ? destination.data : null;
  const here = loaded?.view.folder ?? null;
  const hereIsRoot = loaded ? loaded.view.path.length === 0 : false;
  const hereName = here ? (hereIsRoot ? ROOT_NAME : here.name) : "";
  const alreadyHere = mode === "move" && here !== null && here.id === item.parentId;
  const verb = mode === "move" ? "Move" : "Copy";

  async function place(onConflict?: OnConflict) {
    if (!here) {
      return;
    }
    setConflict(false);
    const target = { id: here.id, name: hereName };
    await form.run(
      async () => {
        const placed =
          mode === "move"
            ? await updateItem(item, { parentId: here.id, onConflict })
            : await copyFile(item.id, { parentId: here.id, onConflict });
        onPlaced(placed, target);
        close();
      },
      { onFailure: (failure) => setConflict(problemCode(failure) === "NAME_CONFLICT") },
    );
  }

  async function showMore() {
    if (!loaded?.nextCursor) {
      return;
    }
    const folderId = loaded.view.folder.id;
    setMore({ busy: true, error: null });
    try {
      const page = await subfolders(folderId, loaded.nextCursor);
      queryClient.setQueryData(
        destinationQuery(browsing).queryKey,
        (d) =>
          d &&
          (d.view.folder.id === folderId
            ? { ...d, folders: [...d.folders, ...page.folders], nextCursor: page.nextCursor }
            : d),
      );
      setMore({ busy: false, error: null });
    } catch (failure) {
      setMore({ busy: false, error: toFormError(failure) });
    }
  }

  return (
    <div className={styles.picker}>
      {loaded && (
        <nav aria-label="Destination path" className={styles.breadcrumbs}>
          <ol>
            {loaded.view.path.map((entry, index) => (
              <li key={entry.id}>
                <button type="button" className={styles.linkButton} onClick={() => open(entry.id)}>
                  {index === 0 ? ROOT_NAME : entry.name}
                </button>
              </li>
            ))}
            <li>
              <span aria-current="location">{hereName}</span>
            </li>
          </ol>
        </nav>
      )}
      <h3 ref={listHeading} tabIndex={-1} className={styles.pickerHeading}>
        {loaded ? `Folders in “${hereName}”` : "Folders"}
      </h3>
      <div className={styles.pickerBody} aria-busy={destination.status === "pending"}>
        {destination.status === "pending" && <p className={styles.muted}>Loading folders…</p>}
        {destination.status === "error" && (
          <LoadError
            what="This folder"
            error={destination.error}
            onRetry={() => void destination.refetch()}
          />
        )}
        {loaded && loaded.folders.length === 0 && (
          <p className={styles.muted}>No folders in here.</p>
        )}
        {loaded && loaded.folders.length > 0 && (
          <ul className={styles.pickerList} aria-label={`Folders in ${hereName}`}>
            {loaded.folders.map((folder) => {
              const itself = mode === "move" && folder.id === item.id;
              return (
                <li key={folder.id}>
                  <button
                    type="button"
                    className={styles.pickerItem}
                    onClick={() => open(folder.id)}
                    disabled={itself}
                  >
                    <ItemIcon item={folder} />
                    <span className={styles.name}>{folder.name}</span>
                    {itself && <span className={styles.muted}>(the folder you move)</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {loaded?.nextCursor && (
          <button
            type="button"
            className={`${formStyles.secondary} ${formStyles.small}`}
            onClick={showMore}
            disabled={more.busy}
          >
            {more.busy ? "Loading…" : "Show more folders"}
          </button>
        )}
        {more.error && <FormAlert error={more.error} formId="picker-more" takeFocus={false} />}
      </div>
      <SubmitAlert form={form} />
      {conflict && (
        <KeepBoth
          name={item.name}
          isFile={item.kind === "file"}
          busy={form.busy}
          onKeepBoth={() => place("rename")}
        />
      )}
      {alreadyHere && <p className={styles.muted}>“{item.name}” is already in this folder.</p>}
      <div className={formStyles.actions}>
        <button
          type="button"
          className={formStyles.button}
          onClick={() => place()}
          disabled={!here || alreadyHere || form.busy}
        >
          {form.busy ? `${verb === "Move" ? "Moving" : "Copying"}…` : `${verb} to “${hereName}”`}
        </button>
        <CancelButton />
      </div>
    </div>
  );
}
