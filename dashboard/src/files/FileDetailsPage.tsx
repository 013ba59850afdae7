"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ShareDialog } from "@/share/ShareDialog";
import { ConfirmDialog } from "@/ui/ConfirmDialog";
import { FormAlert } from "@/ui/FormAlert";
import factsStyles from "@/ui/facts.module.css";
import { formatBytes, formatDateTime, formatExactBytes } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { LoadError } from "@/ui/LoadError";
import { StatusMessage } from "@/ui/StatusMessage";
import { usePageActions } from "@/ui/usePageActions";
import {
  applyFileChange,
  deleteVersion,
  fileQuery,
  restoreFromTrash,
  restoreVersion,
  trashItem,
  versionsQuery,
  type FileVersion,
  type FileView,
  type Item,
} from "./api";
import { Breadcrumbs } from "./Breadcrumbs";
import { downloadFile } from "./download";
import styles from "./files.module.css";
import { ItemIcon, kindLabel } from "./ItemIcon";
import { ItemLoader } from "./ItemLoader";
import { MoveDialog } from "./MoveDialog";
import { ProcessingBadge } from "./ProcessingBadge";
import { RenameDialog } from "./NameDialog";
import { fileHref, folderHref, ROOT_NAME, TRASH_HREF } from "./routes";
import { useRefreshUsage } from "./Usage";
import { useProcessingUpdates } from "./useProcessingUpdates";

/** `/files/file/{id}`: a file, its versions, and what can be done with them. */
export function FileDetailsPage({ fileId }: { fileId: string }) {
  const view = useQuery(fileQuery(fileId));

  return (
    <ItemLoader kind="file" query={view} title="File">
      {(data) => <FileDetails view={data} />}
    </ItemLoader>
  );
}

type OpenDialog =
  | { kind: "share" | "rename" | "move" | "copy" }
  | { kind: "delete-version"; version: FileVersion }
  | null;

function FileDetails({ view }: { view: FileView }) {
  const { file, path } = view;
  const queryClient = useQueryClient();
  const refreshUsage = useRefreshUsage();
  const versions = useQuery(versionsQuery(file));
  const shown = fileQuery(file.id).queryKey;
  /** Asks for the file again, after a change that the answer to it does not show. */
  const reload = () => queryClient.invalidateQueries({ queryKey: shown });
  const reloadVersions = () =>
    queryClient.invalidateQueries({ queryKey: versionsQuery(file).queryKey });
  /** Shows the file as the answer to a change (or a live event) says it is now. */
  const setFile = (change: (file: Item) => Item) =>
    queryClient.setQueryData(shown, (before) => before && { ...before, file: change(before.file) });
  useProcessingUpdates([file], (change) => {
    if (applyFileChange(file, change) !== file) {
      setFile((before) => applyFileChange(before, change));
      void reloadVersions();
    }
  });
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const actions = usePageActions();
  const [trashed, setTrashed] = useState(false);
  const parent = path.at(-1);
  const parentName = path.length <= 1 ? ROOT_NAME : (parent?.name ?? ROOT_NAME);
  const parentHref = folderHref(path.length <= 1 ? null : (parent?.id ?? null));

  function open(next: NonNullable<OpenDialog>) {
    actions.clear();
    setDialog(next);
  }

  const download = (version?: FileVersion) =>
    actions.run(version ? `download:${version.id}` : "download", async () => {
      await downloadFile(file.id, version?.id);
      actions.report(<p>Your download of “{file.name}” started.</p>);
    });

  const moveToTrash = () =>
    actions.run("trash", async () => {
      await trashItem(file);
      setTrashed(true);
      refreshUsage();
    });

  const undoTrash = () =>
    actions.run("undo", async () => {
      const restored = await restoreFromTrash(file.id);
      setTrashed(false);
      refreshUsage();
      await reload();
      actions.report(<p>“{restored.name}” is back in its folder.</p>);
    });

  const restore = (version: FileVersion) =>
    actions.run(`restore:${version.id}`, async () => {
      const revived = await restoreVersion(file.id, version.id);
      await reload();
      refreshUsage();
      actions.report(
        <p>
          Version {version.number} was restored: it is now the current version, number{" "}
          {revived.number}.
        </p>,
      );
    });

  if (trashed) {
    return (
      <div className={styles.page}>
        <title>{`${file.name} · Depot`}</title>
        <div className={styles.pageHead}>
          <Breadcrumbs path={path} current={file.name} />
          <h1 className={styles.title}>{file.name}</h1>
        </div>
        {actions.error && <FormAlert error={actions.error} formId="file-actions" />}
        <div role="status" className={formStyles.info}>
          <p>
            “{file.name}” was moved to the trash. It stays there until the trash is emptied, and you
            can restore it until then.
          </p>
          <p className={styles.toolbar}>
            <button
              type="button"
              className={`${formStyles.secondary} ${formStyles.small}`}
              onClick={undoTrash}
              disabled={actions.busy !== null}
            >
              {actions.busy === "undo" ? "Restoring…" : "Undo"}
            </button>
            <Link href={TRASH_HREF} className={formStyles.inlineLink}>
              Open the trash
            </Link>
            <Link href={parentHref} className={formStyles.inlineLink}>
              Back to {parentName}
            </Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.page}>
      <title>{`${file.name} · Depot`}</title>
      <div className={styles.pageHead}>
        <Breadcrumbs path={path} current={file.name} />
        <div className={styles.titleRow}>
          <h1 className={`${styles.title} ${styles.nameCell}`}>
            <ItemIcon item={file} decorative />
            {file.name}
          </h1>
        </div>
        <div className={styles.toolbar}>
          <button
            type="button"
            className={formStyles.button}
            onClick={() => download()}
            disabled={actions.busy !== null}
          >
            {actions.busy === "download" ? "Preparing download…" : "Download"}
          </button>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={() => open({ kind: "share" })}
          >
            Share link…
          </button>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={() => open({ kind: "rename" })}
          >
            Rename…
          </button>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={() => open({ kind: "move" })}
          >
            Move…
          </button>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={() => open({ kind: "copy" })}
          >
            Copy…
          </button>
          <button
            type="button"
            className={formStyles.secondary}
            onClick={moveToTrash}
            disabled={actions.busy !== null}
          >
            {actions.busy === "trash" ? "Moving to trash…" : "Move to trash"}
          </button>
        </div>
      </div>

      <StatusMessage>{actions.outcome}</StatusMessage>
      {actions.error && <FormAlert error={actions.error} formId="file-actions" />}

      <section className={styles.section} aria-labelledby="file-facts">
        <h2 id="file-facts" className={styles.heading}>
          Details
        </h2>
        <dl className={factsStyles.facts}>
          <dt>Size</dt>
          <dd>
            {formatBytes(file.size)}
            {file.size >= 1024 && (
              <span className={styles.muted}> ({formatExactBytes(file.size)})</span>
            )}
          </dd>
          <dt>Type</dt>
          <dd>
            {kindLabel(file)}
            {file.mimeType && <span className={styles.muted}> ({file.mimeType})</span>}
          </dd>
          <dt>Modified</dt>
          <dd>
            <time dateTime={file.modifiedAt}>{formatDateTime(file.modifiedAt)}</time>
          </dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={file.createdAt}>{formatDateTime(file.createdAt)}</time>
          </dd>
          <dt>Folder</dt>
          <dd>
            <Link href={parentHref} className={formStyles.inlineLink}>
              {parentName}
            </Link>
          </dd>
        </dl>
      </section>

      <section className={styles.section} aria-labelledby="file-versions">
        <h2 id="file-versions" className={styles.heading}>
          Versions
        </h2>
        <p className={styles.muted}>
          Older versions count towards your storage. Restoring one makes a copy of it the current
          version.
        </p>
        {versions.status === "pending" && <p className={styles.muted}>Loading versions…</p>}
        {versions.status === "error" && (
          <LoadError
            what="The versions"
            error={versions.error}
            onRetry={() => void versions.refetch()}
          />
        )}
        {versions.status === "success" && (
          <ul className={styles.versions} aria-label="Versions">
            {versions.data.map((version) => (
              <VersionItem
                key={version.id}
                version={version}
                busy={actions.busy}
                onDownload={() => download(version)}
                onRestore={() => restore(version)}
                onDelete={() => open({ kind: "delete-version", version })}
              />
            ))}
          </ul>
        )}
      </section>

      {dialog?.kind === "share" && <ShareDialog file={file} onClose={() => setDialog(null)} />}
      {dialog?.kind === "rename" && (
        <RenameDialog
          item={file}
          onClose={() => setDialog(null)}
          onRenamed={(renamed) => {
            setFile(() => renamed);
            actions.report(
              <p>
                Renamed “{file.name}” to “{renamed.name}”.
              </p>,
            );
          }}
        />
      )}
      {(dialog?.kind === "move" || dialog?.kind === "copy") && (
        <MoveDialog
          item={file}
          mode={dialog.kind}
          onClose={() => setDialog(null)}
          onPlaced={(placed: Item, destination) => {
            refreshUsage();
            if (dialog.kind === "move") {
              void reload();
              actions.report(
                <p>
                  Moved “{file.name}” to{" "}
                  <Link href={folderHref(destination.id)} className={formStyles.inlineLink}>
                    {destination.name}
                  </Link>
                  .
                </p>,
              );
            } else {
              actions.report(
                <p>
                  Copied “{file.name}” to{" "}
                  <Link href={folderHref(destination.id)} className={formStyles.inlineLink}>
                    {destination.name}
                  </Link>
                  {placed.name !== file.name ? ` as “${placed.name}”` : ""}.{" "}
                  <Link href={fileHref(placed.id)} className={formStyles.inlineLink}>
                    Open the copy
                  </Link>
                </p>,
              );
            }
          }}
        />
      )}
      {dialog?.kind === "delete-version" && (
        <ConfirmDialog
          title={`Delete version ${dialog.version.number}?`}
          description={`Version ${dialog.version.number} of “${file.name}” (${formatBytes(dialog.version.size)}) is deleted for good. The current version stays.`}
          confirmLabel="Delete version"
          busyLabel="Deleting…"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await deleteVersion(file.id, dialog.version.id);
            await reloadVersions();
            refreshUsage();
            actions.report(<p>Version {dialog.version.number} was deleted.</p>);
          }}
        />
      )}
    </div>
  );
}

interface VersionItemProps {
  version: FileVersion;
  busy: string | null;
  onDownload: () => void;
  onRestore: () => void;
  onDelete: () => void;
}

function VersionItem({ version, busy, onDownload, onRestore, onDelete }: VersionItemProps) {
  const ready = version.status === "ready";
  // Its bytes are stored once it is processed, or while it is; also when processing failed.
  const downloadable = version.status !== "uploading";
  const small = `${formStyles.secondary} ${formStyles.small}`;
  const describedBy = `version-${version.id}`;
  return (
    <li className={styles.version}>
      <div id={describedBy}>
        <p className={styles.versionTitle}>
          Version {version.number}
          {version.current && <span className={styles.badge}>Current</span>}
          {version.status === "uploading" && <span className={styles.badgeMuted}>Uploading</span>}
          <ProcessingBadge status={version.status} />
        </p>
        <p className={styles.versionMeta}>
          {formatBytes(version.size)} · saved{" "}
          <time dateTime={version.createdAt}>{formatDateTime(version.createdAt)}</time>
        </p>
      </div>
      <div className={styles.rowActions}>
        {downloadable && (
          <button
            type="button"
            className={small}
            onClick={onDownload}
            disabled={busy !== null}
            aria-label={`Download version ${version.number}`}
          >
            {busy === `download:${version.id}` ? "Preparing…" : "Download"}
          </button>
        )}
        {!version.current && ready && (
          <button
            type="button"
            className={small}
            onClick={onRestore}
            disabled={busy !== null}
            aria-label={`Restore version ${version.number}`}
          >
            {busy === `restore:${version.id}` ? "Restoring…" : "Restore"}
          </button>
        )}
        {!version.current && (
          <button
            type="button"
            className={small}
            onClick={onDelete}
            disabled={busy !== null}
            aria-label={`Delete version ${version.number}`}
          >
            Delete
          </button>
        )}
      </div>
    </li>
  );
}
