import type { Page } from "@playwright/test";
import type { components, paths } from "@/api/generated/metadata-service";
import type { ArchiveChange } from "@/archive/api";
import type { FileChange } from "@/files/api";
import { answers, FakeApi, problem, type Call, type Reply } from "./fake-api";
import type { FakeAuthApi } from "./fake-auth-api";

type Schemas = components["schemas"];
type Item = Schemas["ItemResponse"];
type Archive = Schemas["ArchiveResponse"];
type Activity = Schemas["ActivityResponse"];
/** A version as the fake keeps it: whether it is the current one is worked out when asked. */
type FakeVersion = Omit<Schemas["VersionResponse"], "current">;
/** An archive as the fake keeps it: its download link is made when it is asked for. */
export type FakeArchive = Omit<Archive, "downloadUrl" | "downloadUrlExpiresAt">;
type VersionStatus = "uploading" | "processing" | "ready" | "failed";

const ok = answers<paths>();

/** Where the fake's signed download URLs point; a test routes it to see the browser go there. */
export const DOWNLOAD_ORIGIN = "https://downloads.depot.test";

/** Where the fake's upload starts send the bytes: the fake tus server of fake-tus-server.ts. */
export const UPLOAD_ORIGIN = "https://uploads.depot.test";

/** An upload started with `POST /api/files` whose bytes have not all arrived. */
export interface PendingUpload {
  ticket: string;
  fileId: string;
  versionId: string;
  name: string;
  parentId: string;
  size: number;
  mimeType: string;
  /** The file that gets a new version (`newVersion`); null for a new file. */
  existing: Item | null;
}

const GiB = 1024 ** 3;
const API_PATH = /^\/api\/(folders|files|trash|me\/usage|search|activity|archives)(\/|$)/;

function keyOf(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/** "name (n).ext", as metadata-service numbers a name that is taken. */
function numbered(name: string, n: number, keepExtension: boolean): string {
  const dot = keepExtension ? name.lastIndexOf(".") : -1;
  const split = dot > 0 && name.length - dot <= 16 ? dot : name.length;
  return `${name.slice(0, split)} (${n})${name.slice(split)}`;
}

/**
 * The name metadata-service gives a zip asked for without one: that of its only item (a file's
 * without its extension), else a general one.
 */
function defaultArchiveName(selected: Item[]): string {
  const [only] = selected;
  if (selected.length !== 1 || only.parentId === null) {
    return "Depot archive";
  }
  const dot = only.name.lastIndexOf(".");
  return only.kind === "folder" || dot <= 0 ? only.name : only.name.slice(0, dot);
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A stand-in for metadata-service behind the gateway, installed with `page.route`: one user's
 * folder tree with files, versions, trash, usage, search and activity, kept in memory so that a
 * change shows in later answers. It accepts the access tokens `auth` issued and records every
 * call. `on()` replaces the answer of one endpoint.
 */
export class FakeFilesApi extends FakeApi {
  readonly rootId = "root";
  readonly items = new Map<string, Item>();
  readonly versions = new Map<string, FakeVersion[]>();
  readonly activity: Activity[] = [];
  /** When set, no page holds more items than this, whatever `limit` asks for. */
  pageSize: number | null = null;
  limitBytes = 10 * GiB;
  reservedBytes = 0;
  customLimit = false;
  /** How long after its last byte an upload is listed: the real API takes note asynchronously. */
  listedAfterMs = 600;
  /** The uploads started whose bytes have not all arrived, by ticket. */
  readonly pendingUploads = new Map<string, PendingUpload>();
  /** Archives asked for; a test moves them on with `progressArchive` and `finishArchive`. */
  readonly archives = new Map<string, FakeArchive>();
  /** Told of every change of an archive, as metadata-service publishes it to the live events. */
  onArchiveChange: ((change: ArchiveChange) => void) | null = null;
  /** Told when a file's processing settles, as metadata-service publishes it (`file` events). */
  onFileChange: ((change: FileChange) => void) | null = null;
  private clock = Date.parse("2026-11-20T09:00:00Z");
  private issued = 0;
  private readonly trashRoots = new Set<string>();

  constructor(private readonly auth: FakeAuthApi) {
    super();
    this.items.set(
      this.rootId,
      this.newItem({ id: this.rootId, kind: "folder", name: "/", parentId: null, mimeType: null }),
    );
  }

  /** Adds a folder (to the root folder unless `parentId` is given). */
  addFolder(name: string, parentId = this.rootId): Item {
    const folder = this.newItem({
      id: this.nextId("folder"),
      kind: "folder",
      name,
      parentId,
      mimeType: null,
    });
    this.items.set(folder.id, folder);
    return folder;
  }

  /**
   * Adds a file whose versions have the given sizes, oldest first; the last one is current.
   * `statuses` are the versions' statuses (all "ready" by default); the file shows the current
   * one's.
   */
  addFile(
    name: string,
    {
      parentId = this.rootId,
      mimeType = "application/octet-stream",
      sizes = [1024],
      statuses = [] as VersionStatus[],
    } = {},
  ): Item {
    const file = this.newItem({ id: this.nextId("file"), kind: "file", name, parentId, mimeType });
    this.items.set(file.id, file);
    this.versions.set(file.id, []);
    sizes.forEach((size, i) => {
      const version = this.addVersion(file, size, mimeType);
      version.status = statuses[i] ?? "ready";
    });
    const status = statuses[sizes.length - 1];
    if (status && status !== "uploading") {
      file.status = status;
    }
    return file;
  }

  /**
   * Post-processing of the file's current version ended: it is `status` now, and has the type
   * it was found to have. Open pages are told unless `tell` is false (a change they miss while
   * their stream is down).
   */
  settleProcessing(
    fileId: string,
    status: "ready" | "failed",
    { mimeType, tell = true }: { mimeType?: string; tell?: boolean } = {},
  ): void {
    const file = this.items.get(fileId);
    const version = this.versions.get(fileId)?.find((v) => v.id === file?.versionId);
    if (!file?.versionId || !version) {
      throw new Error(`no file ${fileId} with a current version`);
    }
    version.status = status;
    file.status = status;
    if (mimeType) {
      version.mimeType = mimeType;
      file.mimeType = mimeType;
    }
    if (tell) {
      this.onFileChange?.({
        id: file.id,
        versionId: file.versionId,
        status,
        mimeType: file.mimeType,
      });
    }
  }

  /**
   * The upload service stored every byte of the upload with `ticket`: the file (or its new
   * version) is listed {@link listedAfterMs} later.
   */
  completeUpload(ticket: string): void {
    const upload = this.pendingUploads.get(ticket);
    if (!upload) {
      return;
    }
    this.pendingUploads.delete(ticket);
    setTimeout(() => {
      this.reservedBytes -= upload.size;
      let file = upload.existing;
      if (!file) {
        file = this.newItem({
          id: upload.fileId,
          kind: "file",
          name: upload.name,
          parentId: upload.parentId,
          mimeType: upload.mimeType,
        });
        this.items.set(file.id, file);
        this.versions.set(file.id, []);
      }
      this.addVersion(file, upload.size, upload.mimeType, upload.versionId);
      this.record(file, "uploaded", { size: upload.size });
    }, this.listedAfterMs);
  }

  /** The upload with `ticket` was terminated: its reservation goes. */
  abandonUpload(ticket: string): void {
    const upload = this.pendingUploads.get(ticket);
    if (upload) {
      this.pendingUploads.delete(ticket);
      this.reservedBytes -= upload.size;
    }
  }

  /** The live item of that name (names are unique within a test's tree). */
  byName(name: string): Item {
    const item = [...this.items.values()].find((i) => i.name === name);
    if (!item) {
      throw new Error(`The fake holds no item named ${name}`);
    }
    return item;
  }

  /** Moves an item as another browser tab or device would, without a call. */
  moveElsewhere(item: Item, parentId: string): void {
    item.parentId = parentId;
  }

  /** Moves an item to the trash as another browser tab or device would, without a call. */
  trashElsewhere(item: Item): void {
    this.trash(item);
  }

  /** Records an activity entry as the API would after a change of `item`. */
  record(
    item: Pick<Item, "id" | "name"> & { kind: string },
    verb: string,
    details: Record<string, unknown> = {},
  ): void {
    this.activity.push({
      id: this.nextId("activity"),
      actorId: this.auth.account.id,
      action: `${item.kind}.${verb}`,
      resourceKind: item.kind,
      resourceId: item.id,
      resourceName: item.name,
      details,
      occurredAt: this.tick(),
    });
  }

  isLive(item: Item): boolean {
    for (
      let i: Item | undefined = item;
      i;
      i = i.parentId ? this.items.get(i.parentId) : undefined
    ) {
      if (i.deletedAt) {
        return false;
      }
    }
    return true;
  }

  async install(page: Page): Promise<void> {
    await page.route(
      (url) => API_PATH.test(url.pathname),
      (route) => this.handle(route),
    );
  }

  private tick(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private nextId(kind: string): string {
    return `${kind}-${++this.issued}`;
  }

  /** A live item created now, with no content yet. */
  private newItem(fields: Pick<Item, "id" | "kind" | "name" | "parentId" | "mimeType">): Item {
    const at = this.tick();
    return {
      ...fields,
      size: 0,
      status: null,
      versionId: null,
      createdAt: at,
      modifiedAt: at,
      deletedAt: null,
    };
  }

  /** A new current version of `file`, which takes its type (as the service makes it current). */
  private addVersion(
    file: Item,
    size: number,
    mimeType: string,
    id = this.nextId("version"),
  ): FakeVersion {
    const list = this.versions.get(file.id) ?? [];
    const version: FakeVersion = {
      id,
      number: (list.at(-1)?.number ?? 0) + 1,
      size,
      mimeType,
      sha256: `${size}`.padStart(64, "0"),
      status: "ready",
      createdAt: this.tick(),
      createdBy: this.auth.account.id,
    };
    list.push(version);
    this.versions.set(file.id, list);
    file.versionId = version.id;
    file.mimeType = mimeType;
    file.size = size;
    file.modifiedAt = version.createdAt;
    return version;
  }

  /** Answers only the calls that carry an access token `auth` issued. */
  protected override reply(call: Call): Reply {
    return call.token === null || !this.auth.accessTokens.has(call.token)
      ? problem(401, "UNAUTHENTICATED", "The access token is not valid.")
      : super.reply(call);
  }

  protected answer(call: Call): Reply {
    const endpoint = `${call.method} ${call.path}`;
    const body = call.body ?? {};
    let match: RegExpExecArray | null;

    if (endpoint === "GET /api/folders/root") {
      return this.folderView(this.rootId);
    }
    if ((match = /^GET \/api\/folders\/([^/]+)$/.exec(endpoint))) {
      return this.folderView(match[1]);
    }
    if ((match = /^GET \/api\/folders\/([^/]+)\/children$/.exec(endpoint))) {
      return this.children(match[1], call.query);
    }
    if (endpoint === "POST /api/folders") {
      return this.createFolder(body);
    }
    if (endpoint === "POST /api/files") {
      return this.startUpload(body);
    }
    if ((match = /^(PATCH|DELETE) \/api\/(folders|files)\/([^/]+)$/.exec(endpoint))) {
      const item = this.liveItem(match[3], match[2] === "folders" ? "folder" : "file");
      if (!item) {
        return this.notFound(match[2] === "folders" ? "folder" : "file");
      }
      return match[1] === "PATCH" ? this.update(item, body) : this.trash(item);
    }
    if ((match = /^GET \/api\/files\/([^/]+)(\/versions|\/download-url)?$/.exec(endpoint))) {
      const file = this.liveItem(match[1], "file");
      if (!file) {
        return this.notFound("file");
      }
      if (match[2] === "/versions") {
        return ok("get", "/api/files/{id}/versions", this.versionList(file));
      }
      if (match[2] === "/download-url") {
        return this.downloadUrl(file, call.query);
      }
      const current = this.versionList(file).find((v) => v.current);
      if (!current) {
        throw new Error(`the fake's file ${file.id} has no current version`);
      }
      return ok("get", "/api/files/{id}", { file, version: current, path: this.pathOf(file) });
    }
    if (
      (match = /^(POST|DELETE) \/api\/files\/([^/]+)\/versions\/([^/]+)(\/restore)?$/.exec(
        endpoint,
      ))
    ) {
      const file = this.liveItem(match[2], "file");
      if (!file) {
        return this.notFound("file");
      }
      return match[1] === "POST" ? this.revert(file, match[3]) : this.deleteVersion(file, match[3]);
    }
    if ((match = /^POST \/api\/files\/([^/]+)\/copy$/.exec(endpoint))) {
      const file = this.liveItem(match[1], "file");
      return file ? this.copy(file, body) : this.notFound("file");
    }
    if (endpoint === "GET /api/trash") {
      const roots = [...this.trashRoots]
        .map((id) => this.items.get(id) as Item)
        .sort(
          (a, b) =>
            (b.deletedAt ?? "").localeCompare(a.deletedAt ?? "") || a.id.localeCompare(b.id),
        );
      return ok("get", "/api/trash", this.page(roots, call.query));
    }
    if (endpoint === "DELETE /api/trash") {
      const purged = this.trashRoots.size;
      for (const id of [...this.trashRoots]) {
        this.purge(id);
      }
      return ok("delete", "/api/trash", { purged });
    }
    if ((match = /^(POST|DELETE) \/api\/trash\/([^/]+)(\/restore)?$/.exec(endpoint))) {
      if (!this.trashRoots.has(match[2])) {
        return problem(404, "TRASH_ITEM_NOT_FOUND", "This item is not in your trash.");
      }
      if (match[1] === "DELETE") {
        this.purge(match[2]);
        return { status: 204 };
      }
      return this.restore(this.items.get(match[2]) as Item);
    }
    if (endpoint === "POST /api/archives") {
      return this.requestArchive(body);
    }
    if (endpoint === "GET /api/archives") {
      const live = [...this.archives.values()].filter((a) => a.status !== "expired");
      return ok(
        "get",
        "/api/archives",
        this.page(
          live.reverse().map((a) => this.archiveView(a)),
          call.query,
        ),
      );
    }
    if ((match = /^(GET|DELETE) \/api\/archives\/([^/]+)$/.exec(endpoint))) {
      const archive = this.archives.get(match[2]);
      if (!archive) {
        return problem(404, "ARCHIVE_NOT_FOUND", "No such archive.");
      }
      if (match[1] === "DELETE") {
        this.archives.delete(archive.id);
        this.record({ ...archive, kind: "archive" }, "deleted");
        this.onArchiveChange?.({ ...archive, status: "deleted" });
        return { status: 204 };
      }
      return ok("get", "/api/archives/{id}", this.archiveView(archive));
    }
    if (endpoint === "GET /api/me/usage") {
      return ok("get", "/api/me/usage", this.usage());
    }
    if (endpoint === "GET /api/search") {
      return this.search(call.query);
    }
    if (endpoint === "GET /api/activity") {
      return ok("get", "/api/activity", this.page([...this.activity].reverse(), call.query));
    }
    if (endpoint === "GET /api/activity/export") {
      const lines = this.activity.map((a) => {
        const name = csvField(a.resourceName ?? "");
        return [a.occurredAt, a.action, a.resourceKind, a.resourceId, name].join(",");
      });
      return {
        status: 200,
        json: ["occurred_at,action,resource_kind,resource_id,resource_name", ...lines].join("\r\n"),
      };
    }
    return problem(404, "NOT_FOUND", `No route for ${endpoint}.`);
  }

  private notFound(kind: "folder" | "file"): Reply {
    return kind === "folder"
      ? problem(404, "FOLDER_NOT_FOUND", "No such folder.")
      : problem(404, "FILE_NOT_FOUND", "No such file.");
  }

  private liveItem(id: string, kind: "folder" | "file"): Item | undefined {
    const item = this.items.get(id);
    return item && item.kind === kind && this.isLive(item) ? item : undefined;
  }

  private pathOf(item: Item): { id: string; name: string }[] {
    const path: { id: string; name: string }[] = [];
    for (let id = item.parentId; id; id = this.items.get(id)?.parentId ?? null) {
      const folder = this.items.get(id) as Item;
      path.unshift({ id: folder.id, name: folder.name });
    }
    return path;
  }

  private folderView(id: string): Reply {
    const folder = this.liveItem(id, "folder");
    if (!folder) {
      return this.notFound("folder");
    }
    return ok("get", "/api/folders/{id}", { folder, path: this.pathOf(folder) });
  }

  private liveChildren(folderId: string): Item[] {
    return [...this.items.values()].filter((i) => i.parentId === folderId && i.deletedAt === null);
  }

  /** One page of `all`: the cursor is the offset the next page starts at. */
  private page<T>(
    all: T[],
    query: Record<string, string>,
  ): { items: T[]; nextCursor: string | null } {
    const start = query.cursor ? Number(query.cursor.replace("after-", "")) : 0;
    const limit = Math.min(Number(query.limit ?? 100), this.pageSize ?? Infinity);
    const items = all.slice(start, start + limit);
    const end = start + items.length;
    return { items, nextCursor: end < all.length ? `after-${end}` : null };
  }

  private children(folderId: string, query: Record<string, string>): Reply {
    if (!this.liveItem(folderId, "folder")) {
      return this.notFound("folder");
    }
    const sort = query.sort ?? "name";
    const descending = query.order === "desc";
    const value = (i: Item) =>
      sort === "size" ? i.size : sort === "modified" ? i.modifiedAt : keyOf(i.name);
    const sorted = this.liveChildren(folderId).sort((a, b) => {
      if (a.kind !== b.kind) {
        return a.kind === "folder" ? -1 : 1;
      }
      const [x, y] = [value(a), value(b)];
      const byValue = x < y ? -1 : x > y ? 1 : a.id.localeCompare(b.id);
      return descending ? -byValue : byValue;
    });
    return ok("get", "/api/folders/{id}/children", this.page(sorted, query));
  }

  private invalidName(raw: unknown): Reply | null {
    const name = typeof raw === "string" ? raw.trim() : "";
    if (!name) {
      return problem(400, "INVALID_NAME", "A name cannot be empty or only spaces.");
    }
    if (/[/\\]/.test(name)) {
      return problem(400, "INVALID_NAME", 'A name cannot contain "/" or "\\".');
    }
    if (name === "." || name === "..") {
      return problem(400, "INVALID_NAME", '"." and ".." are not names.');
    }
    return null;
  }

  /** The name to place in `parentId`, or the 409 answer when it is taken and may not change. */
  private placeName(
    parentId: string,
    wanted: string,
    onConflict: unknown,
    self: Item | null,
    isFile: boolean,
  ): string | Reply {
    const taken = new Set(
      this.liveChildren(parentId)
        .filter((i) => i !== self)
        .map((i) => keyOf(i.name)),
    );
    if (!taken.has(keyOf(wanted))) {
      return wanted;
    }
    if (onConflict === "rename") {
      for (let n = 1; ; n++) {
        const candidate = numbered(wanted, n, isFile);
        if (!taken.has(keyOf(candidate))) {
          return candidate;
        }
      }
    }
    const holder = this.liveChildren(parentId).find(
      (i) => i !== self && keyOf(i.name) === keyOf(wanted),
    ) as Item;
    return problem(409, "NAME_CONFLICT", `"${holder.name}" already exists in this folder.`, {
      conflictingId: holder.id,
      conflictingKind: holder.kind,
    });
  }

  private createFolder(body: Record<string, unknown>): Reply {
    const invalid = this.invalidName(body.name);
    if (invalid) {
      return invalid;
    }
    const parentId = typeof body.parentId === "string" ? body.parentId : this.rootId;
    if (!this.liveItem(parentId, "folder")) {
      return this.notFound("folder");
    }
    const name = this.placeName(parentId, String(body.name).trim(), body.onConflict, null, false);
    if (typeof name !== "string") {
      return name;
    }
    const folder = this.addFolder(name, parentId);
    this.record(folder, "created", { parentId });
    return ok("post", "/api/folders", folder, 201);
  }

  /** `POST /api/files`: reserves the name and the space, and hands out a ticket for the bytes. */
  private startUpload(body: Record<string, unknown>): Reply {
    const invalid = this.invalidName(body.name);
    if (invalid) {
      return invalid;
    }
    const size = body.size;
    if (typeof size !== "number" || !Number.isInteger(size) || size < 0) {
      return problem(400, "VALIDATION_FAILED", "size must be zero or more bytes.");
    }
    const parentId = typeof body.folderId === "string" ? body.folderId : this.rootId;
    if (!this.liveItem(parentId, "folder")) {
      return this.notFound("folder");
    }
    const { availableBytes } = this.usage();
    if (size > availableBytes) {
      return problem(
        413,
        "QUOTA_EXCEEDED",
        `The upload does not fit in your storage: ${availableBytes} bytes are left.`,
      );
    }
    const wanted = String(body.name).trim();
    const holder = this.liveChildren(parentId).find((i) => keyOf(i.name) === keyOf(wanted));
    let existing: Item | null = null;
    let name: string;
    if (body.onConflict === "newVersion" && holder?.kind === "file") {
      existing = holder;
      name = holder.name;
    } else {
      const placed = this.placeName(parentId, wanted, body.onConflict, null, true);
      if (typeof placed !== "string") {
        return placed;
      }
      name = placed;
    }
    const upload: PendingUpload = {
      ticket: this.nextId("ticket"),
      fileId: existing?.id ?? this.nextId("file"),
      versionId: this.nextId("version"),
      name,
      parentId,
      size,
      mimeType: typeof body.mimeType === "string" ? body.mimeType : "application/octet-stream",
      existing,
    };
    this.pendingUploads.set(upload.ticket, upload);
    this.reservedBytes += size;
    const versions = existing ? (this.versions.get(existing.id) ?? []) : [];
    return ok(
      "post",
      "/api/files",
      {
        fileId: upload.fileId,
        versionId: upload.versionId,
        versionNumber: (versions.at(-1)?.number ?? 0) + 1,
        name,
        folderId: parentId,
        uploadUrl: `${UPLOAD_ORIGIN}/api/uploads`,
        ticket: upload.ticket,
        maxBytes: size,
        // The browser's clock, not the fake's: the dashboard keeps a start while it is good.
        expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      },
      201,
    );
  }

  private update(item: Item, body: Record<string, unknown>): Reply {
    if (item.id === this.rootId) {
      return problem(409, "ROOT_FOLDER_IMMUTABLE", "The root folder cannot be renamed or moved.");
    }
    if (body.name !== undefined && body.name !== null) {
      const invalid = this.invalidName(body.name);
      if (invalid) {
        return invalid;
      }
    }
    const parentId = typeof body.parentId === "string" ? body.parentId : (item.parentId as string);
    const parent = this.liveItem(parentId, "folder");
    if (!parent) {
      return this.notFound("folder");
    }
    const moving = parentId !== item.parentId;
    if (moving && (parent === item || this.pathOf(parent).some((p) => p.id === item.id))) {
      return problem(
        409,
        "MOVE_INTO_ITSELF",
        `"${item.name}" cannot move into itself or one of its subfolders.`,
      );
    }
    const wanted = typeof body.name === "string" ? body.name.trim() : item.name;
    const name = this.placeName(parentId, wanted, body.onConflict, item, item.kind === "file");
    if (typeof name !== "string") {
      return name;
    }
    const oldName = item.name;
    const oldParent = item.parentId;
    item.name = name;
    item.parentId = parentId;
    item.modifiedAt = this.tick();
    if (name !== oldName) {
      this.record(item, "renamed", { oldName });
    }
    if (moving) {
      this.record(item, "moved", { fromParentId: oldParent, toParentId: parentId });
    }
    return item.kind === "folder"
      ? ok("patch", "/api/folders/{id}", item)
      : ok("patch", "/api/files/{id}", item);
  }

  private trash(item: Item): Reply {
    if (item.id === this.rootId) {
      return problem(409, "ROOT_FOLDER_IMMUTABLE", "The root folder cannot be deleted.");
    }
    item.deletedAt = this.tick();
    this.trashRoots.add(item.id);
    this.record(item, "trashed", { parentId: item.parentId });
    return { status: 204 };
  }

  private restore(item: Item): Reply {
    const parent = item.parentId ? this.liveItem(item.parentId, "folder") : undefined;
    const parentId = parent ? parent.id : this.rootId;
    const name = this.placeName(parentId, item.name, "rename", item, item.kind === "file");
    item.name = name as string;
    item.parentId = parentId;
    item.deletedAt = null;
    this.trashRoots.delete(item.id);
    this.record(item, "restored", { parentId });
    return ok("post", "/api/trash/{id}/restore", item);
  }

  private purge(id: string): void {
    const item = this.items.get(id) as Item;
    for (const child of [...this.items.values()].filter((i) => i.parentId === id)) {
      this.purge(child.id);
    }
    this.items.delete(id);
    this.versions.delete(id);
    if (this.trashRoots.delete(id)) {
      this.record(item, "purged");
    }
  }

  private versionList(file: Item) {
    return [...(this.versions.get(file.id) ?? [])]
      .reverse()
      .map((v) => ({ ...v, current: v.id === file.versionId }));
  }

  private revert(file: Item, versionId: string): Reply {
    const old = this.versions.get(file.id)?.find((v) => v.id === versionId);
    if (!old) {
      return problem(404, "VERSION_NOT_FOUND", "No such version.");
    }
    const revived = this.addVersion(file, old.size, old.mimeType);
    this.record(file, "reverted", { fromVersion: old.number, version: revived.number });
    return ok(
      "post",
      "/api/files/{id}/versions/{versionId}/restore",
      { ...revived, current: true },
      201,
    );
  }

  private deleteVersion(file: Item, versionId: string): Reply {
    const list = this.versions.get(file.id) ?? [];
    const version = list.find((v) => v.id === versionId);
    if (!version) {
      return problem(404, "VERSION_NOT_FOUND", "No such version.");
    }
    if (version.id === file.versionId) {
      return problem(409, "CURRENT_VERSION", "The current version cannot be deleted.");
    }
    this.versions.set(
      file.id,
      list.filter((v) => v !== version),
    );
    this.record(file, "version-deleted", { version: version.number });
    return { status: 204 };
  }

  private copy(file: Item, body: Record<string, unknown>): Reply {
    const parentId = typeof body.parentId === "string" ? body.parentId : (file.parentId as string);
    if (!this.liveItem(parentId, "folder")) {
      return this.notFound("folder");
    }
    if (this.usage().usedBytes + file.size > this.limitBytes) {
      return problem(413, "QUOTA_EXCEEDED", "The copy does not fit in your storage.");
    }
    const wanted = typeof body.name === "string" ? body.name.trim() : file.name;
    const name = this.placeName(parentId, wanted, body.onConflict ?? "rename", null, true);
    if (typeof name !== "string") {
      return name;
    }
    const copy = this.addFile(name, {
      parentId,
      mimeType: file.mimeType ?? undefined,
      sizes: [file.size],
    });
    this.record(copy, "copied", { sourceId: file.id });
    return ok("post", "/api/files/{id}/copy", copy, 201);
  }

  /** Everything a zip of `item` holds: the item and, for a folder, its live descendants. */
  private archiveContents(item: Item): Item[] {
    const children = [...this.items.values()].filter(
      (child) => child.parentId === item.id && !child.deletedAt,
    );
    return [item, ...children.flatMap((child) => this.archiveContents(child))];
  }

  private requestArchive(body: Record<string, unknown>): Reply {
    const ids = Array.isArray(body.items) ? (body.items as string[]) : [];
    const selected = ids.map((itemId) => this.items.get(itemId));
    if (selected.length === 0 || selected.some((item) => !item || !this.isLive(item))) {
      return problem(404, "ITEM_NOT_FOUND", "No such file or folder.");
    }
    const contents = (selected as Item[]).flatMap((item) => this.archiveContents(item));
    const at = this.tick();
    const archive: FakeArchive = {
      id: this.nextId("archive"),
      name: `${typeof body.name === "string" ? body.name : defaultArchiveName(selected as Item[])}.zip`,
      status: "preparing",
      entries: contents.length,
      totalBytes: contents.reduce((sum, item) => sum + (item.kind === "file" ? item.size : 0), 0),
      entriesDone: 0,
      bytesDone: 0,
      size: null,
      error: null,
      createdAt: at,
      expiresAt: new Date(this.clock + 86_400_000).toISOString(),
    };
    this.archives.set(archive.id, archive);
    this.record({ ...archive, kind: "archive" }, "requested", {
      items: ids.length,
      entries: archive.entries,
      totalBytes: archive.totalBytes,
    });
    return ok("post", "/api/archives", this.archiveView(archive), 202);
  }

  private archiveView(archive: FakeArchive): Archive {
    return archive.status === "ready"
      ? {
          ...archive,
          downloadUrl: `${DOWNLOAD_ORIGIN}/a/${archive.id}`,
          downloadUrlExpiresAt: new Date(this.clock + 600_000).toISOString(),
        }
      : { ...archive, downloadUrl: null, downloadUrlExpiresAt: null };
  }

  progressArchive(archiveId: string, entriesDone: number, bytesDone: number): void {
    const archive = this.archives.get(archiveId) as FakeArchive;
    Object.assign(archive, { entriesDone, bytesDone });
    this.onArchiveChange?.({ ...archive });
  }

  finishArchive(archiveId: string, outcome: { size: number } | { error: string }): void {
    const archive = this.archives.get(archiveId) as FakeArchive;
    Object.assign(
      archive,
      "size" in outcome
        ? {
            status: "ready",
            size: outcome.size,
            entriesDone: archive.entries,
            bytesDone: archive.totalBytes,
          }
        : { status: "failed", error: outcome.error },
    );
    this.onArchiveChange?.({ ...archive });
  }

  private downloadUrl(file: Item, query: Record<string, string>): Reply {
    const versionId = query.versionId ?? file.versionId;
    this.record(file, "download-url-issued", { versionId });
    return ok("get", "/api/files/{id}/download-url", {
      url: `${DOWNLOAD_ORIGIN}/d/${file.id}?version=${versionId}&inline=${query.inline}`,
      expiresAt: new Date(this.clock + 300_000).toISOString(),
    });
  }

  usage() {
    let liveBytes = 0;
    let versionBytes = 0;
    let trashBytes = 0;
    for (const item of this.items.values()) {
      for (const version of this.versions.get(item.id) ?? []) {
        if (!this.isLive(item)) {
          trashBytes += version.size;
        } else if (version.id === item.versionId) {
          liveBytes += version.size;
        } else {
          versionBytes += version.size;
        }
      }
    }
    const usedBytes = liveBytes + versionBytes + trashBytes + this.reservedBytes;
    return {
      limitBytes: this.limitBytes,
      usedBytes,
      availableBytes: Math.max(0, this.limitBytes - usedBytes),
      liveBytes,
      versionBytes,
      trashBytes,
      reservedBytes: this.reservedBytes,
      customLimit: this.customLimit,
    };
  }

  private search(query: Record<string, string>): Reply {
    const q = keyOf((query.q ?? "").trim());
    if (!q) {
      return problem(400, "VALIDATION_FAILED", "q is 1 to 200 characters.");
    }
    const families: Record<string, (i: Item) => boolean> = {
      folder: (i) => i.kind === "folder",
      file: (i) => i.kind === "file",
      image: (i) => !!i.mimeType?.startsWith("image/"),
      video: (i) => !!i.mimeType?.startsWith("video/"),
      audio: (i) => !!i.mimeType?.startsWith("audio/"),
      text: (i) => !!i.mimeType?.startsWith("text/"),
      document: (i) => i.mimeType === "application/pdf" || !!i.mimeType?.includes("officedocument"),
    };
    const type = query.type;
    if (type && !families[type]) {
      return problem(
        400,
        "VALIDATION_FAILED",
        "type is one of folder, file, image, video, audio, text, document.",
      );
    }
    const hits = [...this.items.values()]
      .filter((i) => i.id !== this.rootId && this.isLive(i) && keyOf(i.name).includes(q))
      .filter((i) => !type || families[type](i))
      .sort((a, b) => keyOf(a.name).localeCompare(keyOf(b.name)));
    return ok("get", "/api/search", this.page(hits, query));
  }
}
