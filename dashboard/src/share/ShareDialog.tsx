"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { Item } from "@/files/api";
import filesStyles from "@/files/files.module.css";
import { Dialog, useCloseDialog } from "@/ui/Dialog";
import { fieldId, Field } from "@/ui/Field";
import { Form, SubmitAlert, SubmitButton } from "@/ui/Form";
import { FormAlert } from "@/ui/FormAlert";
import { formValues, toFormError, type FormError } from "@/ui/formError";
import { formatDateTime } from "@/ui/format";
import formStyles from "@/ui/forms.module.css";
import { LoadError } from "@/ui/LoadError";
import { useSubmit } from "@/ui/useSubmit";
import { createShareLink, revokeShareLink, shareLinksQuery, type ShareLink } from "./api";
import styles from "./share.module.css";

const DAY_MS = 24 * 3600_000;
/** The furthest ahead the API lets a link's expiry be set. */
const MAX_DAYS = 365;

/** The expiry choices of a new link: "never", a number of days from now, or a date. */
const EXPIRY_CHOICES = [
  { value: "never", label: "No expiry" },
  { value: "1", label: "In 1 day" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "date", label: "On a date…" },
] as const;

type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

/** A local date as the value of a date input: "2026-11-20". */
function dateValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The end of a local day ("2026-11-20"): the first moment of the next one; null if not a date. */
function endOfDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = match.slice(1).map(Number);
  const start = new Date(year, month - 1, day);
  if (start.getFullYear() !== year || start.getMonth() !== month - 1 || start.getDate() !== day) {
    return null;
  }
  return new Date(year, month - 1, day + 1);
}

/** The dates a link may expire at the end of: from today to the last day within the limit. */
function dateBounds(): { min: string; max: string } {
  const today = new Date();
  const last = new Date(today.getFullYear(), today.getMonth(), today.getDate() + MAX_DAYS - 1);
  return { min: dateValue(today), max: dateValue(last) };
}

function fieldError(field: string, message: string): FormError {
  return { message, fieldMessages: { [field]: message }, listed: [{ field, message }] };
}

/** What a message in the dialog's live region says, and how it looks. */
interface Notice {
  tone: "success" | "info";
  content: ReactNode;
}

interface ShareDialogProps {
  file: Pick<Item, "id" | "name">;
  onClose: () => void;
}

/** The public links to a file: makes them, lists them with a way to copy each, revokes them. */
export function ShareDialog({ file, onClose }: ShareDialogProps) {
  return (
    <Dialog
      wide
      title={`Share “${file.name}”`}
      description="Anyone who has a link can see the file’s name, size and type and download it, without an account, until the link expires or you revoke it."
      onClose={onClose}
    >
      <ShareLinks file={file} />
    </Dialog>
  );
}

function ShareLinks({ file }: { file: Pick<Item, "id" | "name"> }) {
  const queryClient = useQueryClient();
  const linksQuery = shareLinksQuery(file.id);
  const links = useQuery(linksQuery);
  const setLinks = (change: (items: ShareLink[]) => ShareLink[]) =>
    queryClient.setQueryData(linksQuery.queryKey, (items) => items && change(items));
  const [fresh, setFresh] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();

  function created(link: ShareLink) {
    if (links.status === "success") {
      setLinks((items) => [link, ...items.filter((i) => i.id !== link.id)]);
    } else {
      void queryClient.invalidateQueries({ queryKey: linksQuery.queryKey });
    }
    setFresh(link.id);
    setNotice({
      tone: "success",
      content: (
        <p>
          Created a link{" "}
          {link.expiresAt ? `that expires ${formatDateTime(link.expiresAt)}` : "with no expiry"}.
          Copy it and send it to whoever should have the file.
        </p>
      ),
    });
  }

  function revoked(link: ShareLink) {
    setLinks((items) => items.filter((i) => i.id !== link.id));
    if (fresh === link.id) {
      setFresh(null);
    }
    setNotice({ tone: "success", content: <p>Revoked the link: it no longer works.</p> });
    listHeading.current?.focus();
  }

  return (
    <div className={styles.share}>
      <CreateLinkForm fileId={file.id} onStart={() => setNotice(null)} onCreated={created} />
      <div
        role="status"
        className={
          notice ? (notice.tone === "info" ? formStyles.info : formStyles.success) : formStyles.idle
        }
      >
        {notice?.content}
      </div>
      <h3 ref={listHeading} id={headingId} tabIndex={-1} className={styles.heading}>
        Links
      </h3>
      {links.status === "pending" && <p className={formStyles.muted}>Loading links…</p>}
      {links.status === "error" && (
        <LoadError what="The links" error={links.error} onRetry={() => void links.refetch()} />
      )}
      {links.status === "success" && links.data.length === 0 && (
        <p className={formStyles.muted}>This file has no links yet.</p>
      )}
      {links.status === "success" && links.data.length > 0 && (
        <ul className={styles.links} aria-labelledby={headingId}>
          {links.data.map((link) => (
            <LinkItem
              key={link.id}
              link={link}
              fresh={link.id === fresh}
              onNotice={setNotice}
              onRevoked={revoked}
            />
          ))}
        </ul>
      )}
      <div className={formStyles.actions}>
        <CloseButton />
      </div>
    </div>
  );
}

function CloseButton() {
  const close = useCloseDialog();
  return (
    <button type="button" className={formStyles.secondary} onClick={close}>
      Close
    </button>
  );
}

interface CreateLinkFormProps {
  fileId: string;
  onStart: () => void;
  onCreated: (link: ShareLink) => void;
}

/** Makes a link, expiring never, some days from now, or at the end of a chosen day. */
function CreateLinkForm({ fileId, onStart, onCreated }: CreateLinkFormProps) {
  const form = useSubmit("share-create", { expiry: "Expires", expiresOn: "Expiry date" });
  const [choice, setChoice] = useState<ExpiryChoice>("never");
  const [bounds] = useState(dateBounds);
  const expiryId = fieldId(form.id, "expiry");

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onStart();
    const values = formValues(event.currentTarget);
    let expiresAt: string | null = null;
    if (choice === "date") {
      const end = endOfDay(values.expiresOn ?? "");
      if (!end) {
        form.setError(fieldError("expiresOn", "Choose the day the link works until."));
        return;
      }
      const { min, max } = dateBounds();
      if (values.expiresOn < min || values.expiresOn > max) {
        form.setError(
          fieldError(
            "expiresOn",
            `Choose a day from today to ${new Date(`${max}T00:00`).toLocaleDateString()}.`,
          ),
        );
        return;
      }
      expiresAt = end.toISOString();
    } else if (choice !== "never") {
      expiresAt = new Date(Date.now() + Number(choice) * DAY_MS).toISOString();
    }
    await form.run(async () => onCreated(await createShareLink(fileId, expiresAt)));
  }

  return (
    <>
      <SubmitAlert form={form} />
      <Form form={form} onSubmit={submit} aria-label="New link">
        <div className={styles.createRow}>
          <div className={formStyles.field}>
            <label htmlFor={expiryId} className={formStyles.label}>
              {form.labels.expiry}
            </label>
            <select
              id={expiryId}
              name="expiry"
              className={`${formStyles.input} ${styles.select}`}
              value={choice}
              onChange={(event) => {
                setChoice(event.currentTarget.value as ExpiryChoice);
                form.setError(null);
              }}
            >
              {EXPIRY_CHOICES.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          {choice === "date" && (
            <Field
              name="expiresOn"
              type="date"
              min={bounds.min}
              max={bounds.max}
              required
              className={styles.dateField}
              hint="The link works until the end of that day, your time."
            />
          )}
          <SubmitButton busyLabel="Creating…">Create link</SubmitButton>
        </div>
      </Form>
    </>
  );
}

/** "Downloaded 3 times": how many download URLs the link handed out. */
function downloadsText(link: ShareLink): string {
  const times =
    link.downloads === 0
      ? "Not downloaded yet"
      : link.downloads === 1
        ? "Downloaded once"
        : `Downloaded ${link.downloads.toLocaleString()} times`;
  return link.lastUsedAt && link.downloads > 0
    ? `${times}, last ${formatDateTime(link.lastUsedAt)}`
    : times;
}

interface LinkItemProps {
  link: ShareLink;
  /** Just made: it takes the focus with its address selected, ready to be copied. */
  fresh: boolean;
  onNotice: (notice: Notice) => void;
  onRevoked: (link: ShareLink) => void;
}

function LinkItem({ link, fresh, onNotice, onRevoked }: LinkItemProps) {
  const id = useId();
  const address = useRef<HTMLInputElement>(null);
  const revokeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  /** Whether the Revoke button gets the focus back once the confirmation is gone. */
  const refocus = useRef(false);
  const metaId = `${id}-meta`;
  const small = `${formStyles.secondary} ${formStyles.small}`;

  useEffect(() => {
    if (fresh) {
      address.current?.focus();
      address.current?.select();
    }
  }, [fresh]);

  function selectAddress() {
    address.current?.focus();
    address.current?.select();
  }

  async function copy() {
    try {
      if (!navigator.clipboard?.writeText) {
        throw new Error("No clipboard here");
      }
      await navigator.clipboard.writeText(link.url);
      onNotice({ tone: "success", content: <p>Copied the link.</p> });
    } catch {
      // Without the clipboard (a page not served over HTTPS, or a refusal), the address is
      // selected for the user to copy.
      selectAddress();
      onNotice({
        tone: "info",
        content: <p>The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.</p>,
      });
    }
  }

  function askToRevoke() {
    setError(null);
    setConfirming(true);
  }

  useEffect(() => {
    if (confirming) {
      keepButton.current?.focus();
    } else if (refocus.current) {
      refocus.current = false;
      revokeButton.current?.focus();
    }
  }, [confirming]);

  function keep() {
    refocus.current = true;
    setConfirming(false);
    setError(null);
  }

  async function revoke() {
    setRevoking(true);
    setError(null);
    try {
      await revokeShareLink(link.id);
      onRevoked(link);
    } catch (failure) {
      setError(toFormError(failure));
      setRevoking(false);
    }
  }

  return (
    <li className={styles.link}>
      <div className={styles.linkRow}>
        <input
          ref={address}
          type="text"
          readOnly
          value={link.url}
          aria-label="Link"
          aria-describedby={metaId}
          className={`${formStyles.input} ${styles.address}`}
          onFocus={(event) => event.currentTarget.select()}
          spellCheck={false}
        />
        {!link.expired && (
          <button type="button" className={small} onClick={copy} aria-describedby={metaId}>
            Copy link
          </button>
        )}
        {!confirming && (
          <button
            ref={revokeButton}
            type="button"
            className={small}
            onClick={askToRevoke}
            aria-describedby={metaId}
          >
            Revoke
          </button>
        )}
      </div>
      <p id={metaId} className={styles.meta}>
        {fresh && <span className={filesStyles.badge}>New</span>}
        {link.expired && <span className={filesStyles.badgeWarning}>Expired</span>}
        <span>
          {link.expiresAt ? (
            <>
              {link.expired ? "Expired" : "Expires"}{" "}
              <time dateTime={link.expiresAt}>{formatDateTime(link.expiresAt)}</time>
            </>
          ) : (
            "No expiry"
          )}
        </span>
        <span>{downloadsText(link)}</span>
        <span>
          Made <time dateTime={link.createdAt}>{formatDateTime(link.createdAt)}</time>
        </span>
      </p>
      {confirming && (
        <div role="group" aria-label="Revoke this link?" className={styles.confirm}>
          <p className={styles.confirmText}>
            {link.expired
              ? "Revoke this expired link? It goes from the list and no longer counts towards the links the file may have."
              : "Revoke this link? It stops working at once, for everyone who has it. This cannot be undone."}
          </p>
          {error && <FormAlert error={error} formId={`${id}-revoke`} />}
          <div className={formStyles.actions}>
            <button ref={keepButton} type="button" className={small} onClick={keep}>
              Keep it
            </button>
            <button
              type="button"
              className={`${formStyles.danger} ${formStyles.small}`}
              onClick={revoke}
              disabled={revoking}
            >
              {revoking ? "Revoking…" : "Revoke link"}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
