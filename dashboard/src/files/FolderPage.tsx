"use client";

import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { FormAlert } from "@/ui/FormAlert";
import formStyles from "@/ui/forms.module.css";
import { StatusMessage } from "@/ui/StatusMessage";
import { useArchives } from "@/archive/ArchiveContext";
import { changeListed, listedItems } from "@/lib/paging";
import { usePageActions } from "@/ui/usePageActions";
import { ShareDialog } from "@/share/ShareDialog";
import { DropZone } from "@/upload/DropZone";
import { UploadButton } from "@/upload/UploadButton";
import type { UploadTarget } from "@/upload/UploadManager";
import { useUploadChanges, useUploadManager } from "@/upload/UploadContext";
import {
  childrenQuery,
  folderQuery,
  restoreFromTrash,
  trashItem,
  type FolderView,
  type Item,
  type PathEntry,
  type SortKey,
} from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { downloadFile } from "./download";
import styles from "./files.module.css";
import { ItemLoader } from "./ItemLoader";
import { ItemMenu, type ItemAction } from "./ItemMenu";
import { MoveDialog } from "./MoveDialog";
import { NewFolderDialog, RenameDialog } from "./NameDialog";
import { DateCell, NameCell, PagedTable, SizeCell } from "./PagedTable";
import { PageTitle } from "./PageTitle";
import { SelectAllHeader, SelectCell, SelectionBar } from "./Selection";
import {
  folderHref,
  itemHref,
  readSort,
  ROOT_NAME,
  sortQuery,
  TRASH_HREF,
  type Sort,
} from "./routes";
import { useRefreshUsage } from "./Usage";
import { useListedProcessing } from "./useProcessingUpdates";
import { useSelection } from "./useSelection";

/** The task of asking for a zip of the selected items, as `usePageActions` names it. */
const ZIP_SELECTION = "zip:selection";

/** The order a column starts in when its header is chosen: A to Z, biggest and newest first. */
const FIRST_ORDER: Record<SortKey, Sort["order"]> = { name: "asc", size: "desc", modified: "desc" };

/** `/files` and `/files/folder/{id}`: a folder's contents, for the signed-in user. */
export function FolderPage({ folderId }: { folderId: string | null }) {
  const view = useQuery(folderQuery(folderId));
  return (
    <ItemLoader kind="folder" query={view} title={folderId ? "Folder" : ROOT_NAME}>
      {(data) => <FolderContents key={data.folder.id} view={data} />}
    </ItemLoader>
  );
}

type OpenDialog =
  { kind: "new" } | { kind: "share" | "rename" | "move" | "copy"; item: Item } | null;

function FolderContents({ view }: { view: FolderView }) {
  const router = useRouter();
  const pathname = usePathname();
  const sort = readSort(useSearchParams());
  const refreshUsage = useRefreshUsage();
  const { folder, path } = view;
  const isRoot = path.length === 0;
  const name = isRoot ? ROOT_NAME : folder.name;
  const here: PathEntry = { id: folder.id, name };

  const queryClient = useQueryClient();
  const contents = childrenQuery(folder.id, sort.key, sort.order);
  const list = useInfiniteQuery(contents);
  useListedProcessing(list, contents.queryKey);
  const selection = useSelection(listedItems(list));
  const selectAll = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const actions = usePageActions();
  const uploads = useUploadManager();
  const archives = useArchives();

  /** Asks for the folder's contents again (in every order), after a change in it. */
  function refreshContents() {
    return queryClient.invalidateQueries({ queryKey: ["children", folder.id] });
  }

  // An upload into this folder is listed a moment after its last byte: show it then.
  useUploadChanges((entry, change) => {
    if (change === "done" && entry.target.folderId === folder.id) {
      void refreshContents();
    }
  });

  function upload(files: File[], folders: string[] = []) {
    actions.clear();
    const target: UploadTarget = { folderId: folder.id, folderName: name, isRoot };
    const { skipped } = uploads ? uploads.add(files, target) : { skipped: [] };
    const notes = [
      ...folders.map((f) => `“${f}” is a folder: folders cannot be uploaded, only files.`),
      ...skipped.map((f) => `“${f}” is already being uploaded here.`),
    ];
    if (notes.length > 0) {
      actions.report(
        <>
          {notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </>,
      );
    }
  }

  function sortBy(key: SortKey) {
    const order = key === sort.key ? (sort.order === "asc" ? "desc" : "asc") : FIRST_ORDER[key];
    router.replace(`${pathname}${sortQuery({ key, order })}`, { scroll: false });
  }

  function moveToTrash(item: Item) {
    return actions.run(item.id, async () => {
      await trashItem(item);
      changeListed<Item>(queryClient, contents.queryKey, (items) =>
        items.filter((i) => i.id !== item.id),
      );
      refreshUsage();
      actions.report(
        <p>
          Moved “{item.name}” to the trash.{" "}
          <button
            type="button"
            className={`${formStyles.secondary} ${formStyles.small}`}
            onClick={() => undoTrash(item)}
          >
            Undo
          </button>{" "}
          <Link href={TRASH_HREF} className={formStyles.inlineLink}>
            Open the trash
          </Link>
        </p>,
      );
    });
  }

  function undoTrash(item: Item) {
    return actions.run(item.id, async () => {
      const restored = await restoreFromTrash(item.id);
      await refreshContents();
      refreshUsage();
      actions.report(
        <p>
          Restored “{restored.name}”
          {restored.parentId !== folder.id ? (
            <>
              {" "}
              to <Link href={folderHref(restored.parentId)}>its folder</Link>
            </>
          ) : null}
          .
        </p>,
      );
    });
  }

  function openNewFolder() {
    actions.clear();
    setDialog({ kind: "new" });
  }

  /** Asks for a zip of `itemIds`, which the archive panel follows, and says so. */
  async function startZip(itemIds: string[], archiveName?: string) {
    if (archives) {
      const archive = await archives.start(itemIds, archiveName);
      actions.report(
        <p>Preparing “{archive.name}”: it downloads when ready (see the archive panel).</p>,
      );
    }
  }

  function zip(item: Pick<Item, "id">) {
    return actions.run(`zip:${item.id}`, () => startZip([item.id]));
  }

  // The server names a zip of one item after it; several are named after the folder they are
  // in, except the root, whose zip keeps the server's general name.
  function zipSelection() {
    const itemIds = selection.ids;
    return actions.run(ZIP_SELECTION, async () => {
      await startZip(itemIds, itemIds.length > 1 && !isRoot ? folder.name : undefined);
      selection.clear();
      selectAll.current?.focus();
    });
  }

  function act(action: ItemAction, item: Item) {
    actions.clear();
    switch (action) {
      case "download":
        return actions.run(item.id, () => downloadFile(item.id));
      case "zip":
        return zip(item);
      case "trash":
        return moveToTrash(item);
      default:
        setDialog({ kind: action, item });
    }
  }

  return (
    <DropZone folderName={name} className={styles.page} onDrop={upload}>
      <title>{`${name} · Depot`}</title>
      <div className={styles.pageHead}>
        {!isRoot && <Breadcrumbs path={path} current={name} sort={sort} />}
        <PageTitle title={name}>
          <UploadButton onFiles={upload} />
          <button type="button" className={formStyles.secondary} onClick={openNewFolder}>
            New folder
          </button>
          {!isRoot && (
            <button
              type="button"
              className={formStyles.secondary}
              onClick={() => zip(here)}
              disabled={actions.busy === `zip:${folder.id}`}
            >
              {actions.busy === `zip:${folder.id}` ? "Asking for the zip…" : "Download as zip"}
            </button>
          )}
        </PageTitle>
      </div>

      <StatusMessage>{actions.outcome}</StatusMessage>
      {actions.error && <FormAlert error={actions.error} formId="folder-actions" />}

      <PagedTable
        list={list}
        loading="Loading…"
        what="The contents of this folder"
        empty={
          <>
            <p>This folder is empty.</p>
            <p className={styles.muted}>
              Choose “Upload” or drop files here to add files, or “New folder” to create a folder.
            </p>
          </>
        }
        className={styles.listing}
        caption={
          <caption className={styles.srOnly}>
            Contents of {name}, folders first, by {SORT_LABELS[sort.key].toLowerCase()} (
            {sort.order === "asc" ? "ascending" : "descending"})
          </caption>
        }
        columns={
          <>
            <SelectAllHeader selection={selection} ref={selectAll} />
            {(["name", "size", "modified"] as const).map((key) => (
              <SortHeader key={key} column={key} sort={sort} onSort={sortBy} />
            ))}
            <th scope="col" className={styles.actionsColumn}>
              <span className={styles.srOnly}>Actions</span>
            </th>
          </>
        }
        cells={(item) => (
          <>
            <SelectCell item={item} selection={selection} />
            <NameCell item={item} href={itemHref(item, sort)} />
            <SizeCell item={item} folder={<Dash />} />
            <DateCell at={item.modifiedAt} />
            <td className={styles.actionsColumn}>
              <ItemMenu item={item} disabled={actions.busy === item.id} onAction={act} />
            </td>
          </>
        )}
      />

      {selection.ids.length > 0 && (
        <SelectionBar
          count={selection.ids.length}
          zipping={actions.busy === ZIP_SELECTION}
          onZip={zipSelection}
          onClear={selection.clear}
          focusAfter={selectAll}
        />
      )}

      {dialog?.kind === "new" && (
        <NewFolderDialog
          parent={here}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            void refreshContents();
            actions.report(
              <p>
                Created the folder{" "}
                <Link href={folderHref(created.id)} className={formStyles.inlineLink}>
                  {created.name}
                </Link>
                .
              </p>,
            );
          }}
        />
      )}
      {dialog?.kind === "share" && (
        <ShareDialog file={dialog.item} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "rename" && (
        <RenameDialog
          item={dialog.item}
          onClose={() => setDialog(null)}
          onRenamed={(renamed) => {
            void refreshContents();
            actions.report(
              <p>
                Renamed “{dialog.item.name}” to “{renamed.name}”.
              </p>,
            );
          }}
        />
      )}
      {(dialog?.kind === "move" || dialog?.kind === "copy") && (
        <MoveDialog
          item={dialog.item}
          mode={dialog.kind}
          onClose={() => setDialog(null)}
          onPlaced={(placed, destination) => {
            void refreshContents();
            refreshUsage();
            actions.report(
              <p>
                {dialog.kind === "move" ? "Moved" : "Copied"} “{dialog.item.name}” to{" "}
                <Link href={folderHref(destination.id)} className={formStyles.inlineLink}>
                  {destination.name}
                </Link>
                {placed.name !== dialog.item.name ? ` as “${placed.name}”` : ""}.
              </p>,
            );
          }}
        />
      )}
    </DropZone>
  );
}

const SORT_LABELS: Record<SortKey, string> = { name: "Name", size: "Size", modified: "Modified" };

function SortHeader({
  column,
  sort,
  onSort,
}: {
  column: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === column;
  const direction = sort.order === "asc" ? "ascending" : "descending";
  return (
    <th
      scope="col"
      aria-sort={active ? direction : undefined}
      className={column === "size" ? styles.numberHead : undefined}
    >
      <button type="button" className={styles.sortButton} onClick={() => onSort(column)}>
        {SORT_LABELS[column]}
        <span className={styles.sortMark} aria-hidden="true">
          {active ? (sort.order === "asc" ? "▲" : "▼") : ""}
        </span>
      </button>
    </th>
  );
}

/** An empty cell's mark: folders have no size of their own. */
function Dash() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className={styles.srOnly}>no size</span>
    </>
  );
}
