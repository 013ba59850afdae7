import type { DetailedError, Upload } from "tus-js-client";
import { getFile } from "@/files/api";
import { problemCode, type ApiError } from "@/lib/client";
import { toFormError } from "@/ui/formError";
import { startUpload, type StartedUpload, type UploadOnConflict } from "./api";
import {
  forgetExpiredStarts,
  forgetStart,
  readStart,
  rememberStart,
  uploadFingerprint,
} from "./resume";

type Tus = typeof import("tus-js-client");

/**
 * Where an upload is: `waiting` for one of the {@link MAX_RUNNING} places, `starting` (asking the
 * API for a place in the folder), `uploading` its bytes, `paused` by the user, held on a name
 * `conflict` until the user chooses, `processing` (the bytes are stored, the file is about to be
 * listed), `done`, `failed` (with `error`) or `canceled`.
 */
export type UploadState =
  | "waiting"
  | "starting"
  | "uploading"
  | "paused"
  | "conflict"
  | "processing"
  | "done"
  | "failed"
  | "canceled";

/** The folder an upload goes to. */
export interface UploadTarget {
  folderId: string;
  folderName: string;
  /** The API takes no folder id for the root folder. */
  isRoot: boolean;
}

/** One upload as the panel shows it. A change replaces the object. */
export interface UploadEntry {
  readonly id: string;
  /** The name of the file chosen. */
  readonly name: string;
  readonly size: number;
  readonly target: UploadTarget;
  readonly state: UploadState;
  readonly bytesSent: number;
  /** Recent speed, while bytes are being sent. */
  readonly bytesPerSecond: number | null;
  /** The name the file is stored under (a number added when both were kept). */
  readonly savedAs: string | null;
  /** Above 1 when the upload became a new version of a file. */
  readonly versionNumber: number | null;
  readonly fileId: string | null;
  /** Why it failed. */
  readonly error: string | null;
  /** The item that holds the name, while the user chooses what to do. */
  readonly conflict: { id: string; kind: "file" | "folder" } | null;
}

/** What an upload did that others follow: usage and folder listings. */
export type UploadChange = "reserved" | "stored" | "done" | "failed" | "canceled";

export type UploadChangeListener = (entry: UploadEntry, change: UploadChange) => void;

/** At most this many uploads send bytes (or start) at the same time; the others wait. */
export const MAX_RUNNING = 3;
export const CHUNK_SIZE = 50 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000];
/** After the last byte, how often and how long to look for the file to be listed. */
const LISTED_POLL_MS = 500;
const LISTED_WAIT_MS = 10_000;
/** Progress is shown at most this often. */
const PROGRESS_EVERY_MS = 100;
/** The speed is measured over this last stretch. */
const SPEED_WINDOW_MS = 4000;

/** An upload still wants the user's browser tab: leaving would stop it. */
const UNFINISHED: ReadonlySet<UploadState> = new Set([
  "waiting",
  "starting",
  "uploading",
  "paused",
  "conflict",
]);
const RUNNING: ReadonlySet<UploadState> = new Set(["starting", "uploading"]);
const FINISHED: ReadonlySet<UploadState> = new Set(["done", "failed", "canceled"]);

/** The upload still needs this tab open. */
export function isUnfinished(entry: UploadEntry): boolean {
  return UNFINISHED.has(entry.state);
}

export function isFinished(entry: UploadEntry): boolean {
  return FINISHED.has(entry.state);
}

interface Job {
  entry: UploadEntry;
  file: File;
  fingerprint: string;
  onConflict: UploadOnConflict;
  /** The API's answer to the start: its ticket authorises the bytes. */
  started: StartedUpload | null;
  tus: Upload | null;
  /** The bytes the upload service confirmed it stored. */
  accepted: number;
  samples: { at: number; bytes: number }[];
}

function mimeTypeOf(file: File): string {
  return file.type || "application/octet-stream";
}

function isDetailedError(error: Error): error is DetailedError {
  return "originalRequest" in error;
}

/** The status and problem document of the answer to a failed tus request, if one came. */
function answerOf(error: Error): { status: number; problem: Record<string, unknown> } | null {
  const response = isDetailedError(error) ? error.originalResponse : null;
  if (!response || response.getStatus() === 0) {
    return null;
  }
  let problem: Record<string, unknown> = {};
  try {
    const body: unknown = JSON.parse(response.getBody());
    if (typeof body === "object" && body !== null) {
      problem = body as Record<string, unknown>;
    }
  } catch {
    // Not a problem document: the status says it.
  }
  return { status: response.getStatus(), problem };
}

/** Codes of the upload service after which the ticket or the upload is no longer any good. */
const START_OVER_CODES = new Set([
  "TICKET_REQUIRED",
  "TICKET_INVALID",
  "TICKET_EXPIRED",
  "UPLOAD_NOT_FOUND",
  "UPLOAD_GONE",
  "UPLOAD_TOO_LARGE",
  "UPLOAD_EXISTS",
  "UPLOAD_LENGTH_MISMATCH",
]);
/** Conflicts that another try of the same request cannot solve. */
const FINAL_CONFLICT_CODES = new Set(["UPLOAD_EXISTS", "UPLOAD_COMPLETE"]);

/**
 * Whether tus-js-client tries a failed request again (after the next of its retry delays): as it
 * does by itself, when there was no answer, a server error, an offset conflict or a lock, and
 * the browser is online; but not for a conflict that stays.
 */
export function shouldRetryTus(error: Error): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) {
    return false;
  }
  const answer = answerOf(error);
  if (!answer) {
    return true;
  }
  const { status, problem } = answer;
  if (FINAL_CONFLICT_CODES.has(String(problem.code))) {
    return false;
  }
  return status < 400 || status >= 500 || status === 409 || status === 423;
}

/**
 * What to tell the user about a failed tus request: the problem's `detail` when the upload
 * service answered one. `startOver` when the ticket or the upload is no longer any good (refused,
 * gone, expired, too large), so that a retry asks the API for a new start.
 */
export function describeTusError(error: Error): { message: string; startOver: boolean } {
  if (!isDetailedError(error) || !error.originalRequest) {
    return { message: "The file could not be read. Choose it again.", startOver: true };
  }
  const answer = answerOf(error);
  if (!answer) {
    return {
      message: "The upload server did not answer. Check your connection and try again.",
      startOver: false,
    };
  }
  const { status, problem } = answer;
  const { detail, title, code } = problem;
  const message =
    typeof detail === "string" && detail
      ? detail
      : typeof title === "string" && title
        ? title
        : `The upload server answered with status ${status}.`;
  const startOver =
    START_OVER_CODES.has(String(code)) || [401, 403, 404, 410, 413].includes(status);
  return { message, startOver };
}

/** The state now: read again after an await, where the user may have changed it. */
function stateOf(job: Job): UploadState {
  return job.entry.state;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The uploads of one signed-in account in this tab: a queue of files, at most
 * {@link MAX_RUNNING} of which are sent at a time with tus. Each is first started with
 * `POST /api/files`, which reserves the name and space and gives a ticket; the start is kept
 * with tus-js-client's fingerprint, so that choosing the same file again after a reload resumes
 * it without a new start. Plain TypeScript; React reads it through `subscribe` and `getSnapshot`.
 */
export class UploadManager {
  private readonly jobs: Job[] = [];
  private snapshot: readonly UploadEntry[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly changeListeners = new Set<UploadChangeListener>();
  private issued = 0;
  private lastNotified = 0;
  private notifyTimer: ReturnType<typeof setTimeout> | null = null;
  private active = true;

  constructor(
    private readonly accountId: string,
    private readonly loadTus: () => Promise<Tus> = () => import("tus-js-client"),
  ) {}

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** For `useSyncExternalStore`: the same array until something changes. */
  readonly getSnapshot = (): readonly UploadEntry[] => this.snapshot;

  /** Calls `listener` when an upload reserves space, stores its bytes, is listed or ends. */
  onChange(listener: UploadChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Queues `files` for upload into `target`. A file that is already being uploaded there is
   * skipped: its name is among those returned.
   */
  add(files: readonly File[], target: UploadTarget): { skipped: string[] } {
    const skipped: string[] = [];
    for (const file of files) {
      const fingerprint = uploadFingerprint(this.accountId, target.folderId, file);
      if (this.jobs.some((j) => j.fingerprint === fingerprint && !isFinished(j.entry))) {
        skipped.push(file.name);
        continue;
      }
      this.jobs.push({
        entry: {
          id: `upload-${++this.issued}`,
          name: file.name,
          size: file.size,
          target,
          state: "waiting",
          bytesSent: 0,
          bytesPerSecond: null,
          savedAs: null,
          versionNumber: null,
          fileId: null,
          error: null,
          conflict: null,
        },
        file,
        fingerprint,
        onConflict: "fail",
        started: null,
        tus: null,
        accepted: 0,
        samples: [],
      });
    }
    this.publish();
    this.pump();
    return { skipped };
  }

  /** Stops sending bytes (or keeps a waiting upload from starting) until `resume`. */
  pause(id: string): void {
    const job = this.job(id);
    if (!job || (job.entry.state !== "uploading" && job.entry.state !== "waiting")) {
      return;
    }
    job.tus?.abort(false).catch(() => {});
    // What was sent beyond that is lost with the request, and is sent again on resume.
    this.update(job, { state: "paused", bytesSent: job.accepted, bytesPerSecond: null });
    this.pump();
  }

  resume(id: string): void {
    const job = this.job(id);
    if (job?.entry.state === "paused") {
      this.update(job, { state: "waiting" });
      this.pump();
    }
  }

  /** Tries a failed upload again: from where its bytes stopped, while its ticket is good. */
  retry(id: string): void {
    const job = this.job(id);
    if (job?.entry.state === "failed") {
      // A new tus upload, with all its retries, resuming the one kept under the fingerprint.
      job.tus?.abort(false).catch(() => {});
      job.tus = null;
      this.update(job, { state: "waiting", error: null });
      this.pump();
    }
  }

  /**
   * Stops the upload for good (also a failed one): the upload service deletes what it received
   * (tus termination).
   */
  cancel(id: string): void {
    const job = this.job(id);
    const state = job?.entry.state;
    if (!job || state === "processing" || state === "done" || state === "canceled") {
      return;
    }
    const { tus } = job;
    job.tus = null;
    job.started = null;
    forgetStart(job.fingerprint);
    this.update(job, { state: "canceled", bytesPerSecond: null, conflict: null });
    tus?.abort(true).catch(() => {
      // The upload service also drops uploads that stop moving; nothing more to do here.
    });
    this.emit(job, "canceled");
    this.pump();
  }

  /**
   * After a name conflict: keep both (`rename`), add the bytes as a new version of the file
   * (`newVersion`), or `null` to cancel the upload.
   */
  resolveConflict(id: string, choice: "rename" | "newVersion" | null): void {
    const job = this.job(id);
    if (job?.entry.state !== "conflict") {
      return;
    }
    if (choice === null) {
      this.cancel(id);
      return;
    }
    job.onConflict = choice;
    this.update(job, { state: "waiting", conflict: null });
    this.pump();
  }

  /** Drops the finished uploads from the list. */
  clearFinished(): void {
    const kept = this.jobs.filter((j) => !isFinished(j.entry));
    this.jobs.splice(0, this.jobs.length, ...kept);
    this.publish();
  }

  /** Stops sending (the uploads can resume after the file is chosen again) and stops notifying. */
  detach(): void {
    this.active = false;
    for (const job of this.jobs) {
      if (job.entry.state === "uploading") {
        job.tus?.abort(false).catch(() => {});
        this.update(job, { state: "paused", bytesSent: job.accepted, bytesPerSecond: null });
      }
    }
    if (this.notifyTimer) {
      clearTimeout(this.notifyTimer);
      this.notifyTimer = null;
    }
  }

  /** Starts working again after {@link detach} (React may detach and attach in development). */
  attach(): void {
    this.active = true;
    forgetExpiredStarts();
    this.pump();
  }

  private job(id: string): Job | undefined {
    return this.jobs.find((j) => j.entry.id === id);
  }

  /** Starts waiting uploads while fewer than {@link MAX_RUNNING} run. */
  private pump(): void {
    if (!this.active) {
      return;
    }
    let running = this.jobs.filter((j) => RUNNING.has(j.entry.state)).length;
    for (const job of this.jobs) {
      if (running >= MAX_RUNNING) {
        return;
      }
      if (job.entry.state === "waiting") {
        running++;
        void this.run(job);
      }
    }
  }

  private async run(job: Job): Promise<void> {
    this.update(job, { state: "starting", error: null, bytesPerSecond: null });
    try {
      const tus = await this.loadTus();
      if (job.started && Date.parse(job.started.expiresAt) <= Date.now()) {
        // Paused or failed for longer than its ticket lasts: the upload starts over.
        job.started = null;
        job.tus = null;
      }
      if (!job.started) {
        // Started before the page was loaded again: resume that upload instead of a new start.
        job.started = readStart(job.fingerprint);
        job.tus = null;
      }
      if (!job.started) {
        const started = await startUpload({
          folderId: job.entry.target.isRoot ? undefined : job.entry.target.folderId,
          name: job.file.name,
          size: job.file.size,
          mimeType: mimeTypeOf(job.file),
          onConflict: job.onConflict,
        });
        if (job.entry.state !== "starting") {
          return;
        }
        job.started = started;
        rememberStart(job.fingerprint, started);
        this.emit(job, "reserved");
      }
      if (!job.tus) {
        job.tus = await this.createTusUpload(tus, job, job.started);
      }
      if (job.entry.state !== "starting") {
        return;
      }
      if (!this.active) {
        this.update(job, { state: "paused" });
        return;
      }
      this.update(job, {
        state: "uploading",
        savedAs: job.started.name,
        versionNumber: job.started.versionNumber,
        fileId: job.started.fileId,
      });
      job.samples = [];
      job.tus.start();
    } catch (error) {
      if (job.entry.state !== "starting") {
        return;
      }
      if (problemCode(error) === "NAME_CONFLICT") {
        const problem = (error as ApiError).problem;
        this.update(job, {
          state: "conflict",
          conflict: {
            id: String(problem.conflictingId ?? ""),
            kind: problem.conflictingKind === "folder" ? "folder" : "file",
          },
        });
      } else {
        this.fail(job, toFormError(error).message);
      }
      this.pump();
    }
  }

  /**
   * The tus upload of the file. When tus-js-client kept the URL of an upload of the same file with
   * the same ticket, it resumes that one (its other kept uploads are stale and are forgotten).
   */
  private async createTusUpload(tus: Tus, job: Job, started: StartedUpload): Promise<Upload> {
    job.accepted = 0;
    const upload = new tus.Upload(job.file, {
      endpoint: started.uploadUrl,
      metadata: {
        ticket: started.ticket,
        filename: job.file.name,
        filetype: mimeTypeOf(job.file),
      },
      uploadSize: job.file.size,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      onShouldRetry: (error) => shouldRetryTus(error),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      fingerprint: () => Promise.resolve(job.fingerprint),
      onProgress: (bytesSent) => this.progress(job, upload, bytesSent),
      onChunkComplete: (_chunk, bytesAccepted) => {
        job.accepted = bytesAccepted;
      },
      onSuccess: () => void this.stored(job, upload),
      onError: (error) => this.tusFailed(job, upload, error),
    });
    const previous = await upload.findPreviousUploads();
    const resumable = previous
      .filter((p) => p.uploadUrl && p.metadata?.ticket === started.ticket)
      .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime));
    for (const stale of previous.filter((p) => !resumable.includes(p))) {
      await tus.defaultOptions.urlStorage.removeUpload(stale.urlStorageKey).catch(() => {});
    }
    if (resumable[0]) {
      upload.resumeFromPreviousUpload(resumable[0]);
    }
    return upload;
  }

  private progress(job: Job, upload: Upload, bytesSent: number): void {
    if (job.tus !== upload || job.entry.state !== "uploading") {
      return;
    }
    const now = performance.now();
    job.samples.push({ at: now, bytes: bytesSent });
    while (job.samples.length > 2 && now - job.samples[0].at > SPEED_WINDOW_MS) {
      job.samples.shift();
    }
    const first = job.samples[0];
    const elapsed = now - first.at;
    const bytesPerSecond =
      elapsed >= 250 ? ((bytesSent - first.bytes) * 1000) / elapsed : job.entry.bytesPerSecond;
    this.update(job, { bytesSent, bytesPerSecond }, { throttle: true });
  }

  private tusFailed(job: Job, upload: Upload, error: Error): void {
    if (job.tus !== upload || job.entry.state !== "uploading") {
      return;
    }
    const { message, startOver } = describeTusError(error);
    if (startOver) {
      job.tus = null;
      job.started = null;
      forgetStart(job.fingerprint);
    }
    this.fail(job, message);
    this.pump();
  }

  /** Every byte is stored: the file is listed once the API has taken note, usually in < 1 s. */
  private async stored(job: Job, upload: Upload): Promise<void> {
    if (job.tus !== upload || job.entry.state !== "uploading" || !job.started) {
      return;
    }
    const { fileId, versionId } = job.started;
    forgetStart(job.fingerprint);
    this.update(job, { state: "processing", bytesSent: job.entry.size, bytesPerSecond: null });
    this.emit(job, "stored");
    this.pump();

    const deadline = Date.now() + LISTED_WAIT_MS;
    while (this.active && stateOf(job) === "processing" && Date.now() < deadline) {
      try {
        const { file } = await getFile(fileId);
        if (file.versionId === versionId) {
          break;
        }
      } catch {
        // Not listed yet (404), or no answer this time: ask again.
      }
      await sleep(LISTED_POLL_MS);
    }
    if (stateOf(job) === "processing") {
      this.update(job, { state: "done" });
      this.emit(job, "done");
    }
  }

  private fail(job: Job, message: string): void {
    this.update(job, { state: "failed", error: message, bytesPerSecond: null, conflict: null });
    this.emit(job, "failed");
  }

  private emit(job: Job, change: UploadChange): void {
    for (const listener of [...this.changeListeners]) {
      listener(job.entry, change);
    }
  }

  private update(
    job: Job,
    change: Partial<UploadEntry>,
    { throttle = false }: { throttle?: boolean } = {},
  ): void {
    job.entry = { ...job.entry, ...change };
    if (!throttle) {
      this.publish();
      return;
    }
    const wait = this.lastNotified + PROGRESS_EVERY_MS - performance.now();
    if (wait <= 0) {
      this.publish();
    } else if (!this.notifyTimer) {
      this.notifyTimer = setTimeout(() => this.publish(), wait);
    }
  }

  private publish(): void {
    if (this.notifyTimer) {
      clearTimeout(this.notifyTimer);
      this.notifyTimer = null;
    }
    this.lastNotified = performance.now();
    this.snapshot = this.jobs.map((j) => j.entry);
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}
