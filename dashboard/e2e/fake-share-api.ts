import type { Page } from "@playwright/test";
import type { components, paths } from "@/api/generated/metadata-service";
import { answers, cors, FakeApi, problem, type Call, type Reply } from "./fake-api";
import type { FakeAuthApi } from "./fake-auth-api";
import { DOWNLOAD_ORIGIN, type FakeFilesApi } from "./fake-files-api";

/** Where the fake's links point: the dashboard's public page, as DEPOT_DASHBOARD_URL names it. */
export const SHARE_PAGE_ORIGIN = "http://localhost:3000";

const DAY_MS = 24 * 3600_000;
const SHARE_PATH =
  /^\/api\/(files\/[^/]+\/share-links|share-links\/[^/]+|shared\/[^/]+(\/download-url)?)$/;

type Item = components["schemas"]["ItemResponse"];
type ShareLink = components["schemas"]["ShareLinkResponse"];
/** A link as the fake keeps it: whether it has expired is worked out when asked. */
type FakeLink = Omit<ShareLink, "expired">;

const ok = answers<paths>();

/**
 * A stand-in for metadata-service's share links behind the gateway, installed with `page.route`
 * after the fake files API (whose routes it takes over for `/api/files/{id}/share-links`). The
 * owner's calls need an access token `auth` issued; the public ones (`/api/shared/…`) need none.
 * Links live on the files of `files`: a file in the trash makes its links stop working. Expiry
 * is checked against the real clock, which the browser computes expiries with.
 */
export class FakeShareApi extends FakeApi {
  readonly links: FakeLink[] = [];
  maxPerFile = 20;
  private issued = 0;

  constructor(
    private readonly auth: FakeAuthApi,
    private readonly files: FakeFilesApi,
  ) {
    super();
  }

  /** Adds a link to `file` as if made earlier; `fields` override what it starts with. */
  addLink(file: Item, fields: Partial<FakeLink> = {}): FakeLink {
    const n = ++this.issued;
    const token = `tok${String(n).padStart(4, "0")}-fake_shared_lnk`.slice(0, 22);
    const link: FakeLink = {
      id: `share-${n}`,
      fileId: file.id,
      token,
      url: `${SHARE_PAGE_ORIGIN}/s/${token}`,
      createdAt: new Date(Date.now() - (1000 - n) * 60_000).toISOString(),
      expiresAt: null,
      downloads: 0,
      lastUsedAt: null,
      ...fields,
    };
    this.links.push(link);
    return link;
  }

  async install(page: Page): Promise<void> {
    await page.route(
      (url) => SHARE_PATH.test(url.pathname),
      (route) => this.handle(route),
    );
  }

  private isExpired(link: FakeLink): boolean {
    return link.expiresAt !== null && Date.parse(link.expiresAt) <= Date.now();
  }

  private view(link: FakeLink): ShareLink {
    return { ...link, expired: this.isExpired(link) };
  }

  /** The live file of that id, as the owner may share it. */
  private liveFile(fileId: string): Item | undefined {
    const file = this.files.items.get(fileId);
    return file && file.kind === "file" && this.files.isLive(file) ? file : undefined;
  }

  /** The link of a token if it works (known, not expired, its file live), and its file's type. */
  private working(token: string): { link: FakeLink; file: Item; mimeType: string } | undefined {
    const link = this.links.find((l) => l.token === token);
    const file = link && this.liveFile(link.fileId);
    const current = file && this.files.versions.get(file.id)?.find((v) => v.id === file.versionId);
    return link && file && current && !this.isExpired(link)
      ? { link, file, mimeType: current.mimeType }
      : undefined;
  }

  /** Answers the owner's calls only with an access token `auth` issued; the public ones always. */
  protected override reply(call: Call): Reply {
    const open = call.path.startsWith("/api/shared/");
    return !open && (call.token === null || !this.auth.accessTokens.has(call.token))
      ? problem(401, "UNAUTHENTICATED", "The access token is not valid.")
      : super.reply(call);
  }

  protected answer(call: Call): Reply {
    const endpoint = `${call.method} ${call.path}`;
    let match: RegExpExecArray | null;

    if ((match = /^(GET|POST) \/api\/files\/([^/]+)\/share-links$/.exec(endpoint))) {
      const file = this.liveFile(match[2]);
      if (!file) {
        return problem(404, "FILE_NOT_FOUND", "No such file.");
      }
      return match[1] === "GET"
        ? ok("get", "/api/files/{id}/share-links", {
            items: this.ofFile(file).map((l) => this.view(l)),
          })
        : this.create(file, call.body ?? {});
    }
    if ((match = /^DELETE \/api\/share-links\/([^/]+)$/.exec(endpoint))) {
      const index = this.links.findIndex((l) => l.id === match?.[1]);
      if (index < 0) {
        return problem(404, "SHARE_LINK_NOT_FOUND", "No such share link.");
      }
      const [link] = this.links.splice(index, 1);
      const file = this.files.items.get(link.fileId);
      if (file) {
        this.files.record(file, "share-link-revoked", { shareLinkId: link.id });
      }
      return { status: 204 };
    }
    if ((match = /^GET \/api\/shared\/([^/]+)(\/download-url)?$/.exec(endpoint))) {
      const shared = this.working(match[1]);
      if (!shared) {
        return problem(
          404,
          "SHARE_LINK_NOT_FOUND",
          "This link does not work: it may have expired or been revoked.",
        );
      }
      const { link, file, mimeType } = shared;
      if (match[2]) {
        link.downloads += 1;
        link.lastUsedAt = new Date().toISOString();
        this.files.record(file, "download-url-issued", { shareLinkId: link.id });
        return ok("get", "/api/shared/{token}/download-url", {
          url: `${DOWNLOAD_ORIGIN}/shared/${file.id}?version=${file.versionId}`,
          expiresAt: new Date(Date.now() + 300_000).toISOString(),
        });
      }
      return ok("get", "/api/shared/{token}", {
        name: file.name,
        size: file.size,
        mimeType,
        modifiedAt: file.modifiedAt,
        expiresAt: link.expiresAt,
      });
    }
    return problem(404, "NOT_FOUND", `No route for ${endpoint}.`);
  }

  /** The file's links, newest first. */
  private ofFile(file: Item): FakeLink[] {
    return this.links
      .filter((l) => l.fileId === file.id)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  }

  private create(file: Item, body: Record<string, unknown>): Reply {
    const expiresAt = body.expiresAt ?? null;
    if (expiresAt !== null) {
      const at = typeof expiresAt === "string" ? Date.parse(expiresAt) : NaN;
      if (Number.isNaN(at)) {
        return problem(
          400,
          "MALFORMED_REQUEST",
          "The request body is not valid JSON of the expected form.",
        );
      }
      if (at <= Date.now()) {
        return problem(
          400,
          "VALIDATION_FAILED",
          `expiresAt ${String(expiresAt)} has already passed: give a time in the future, at most 365 days away.`,
        );
      }
      if (at > Date.now() + 365 * DAY_MS) {
        return problem(
          400,
          "VALIDATION_FAILED",
          `expiresAt ${String(expiresAt)} is more than 365 days away: a link lasts at most 365 days (or leave expiresAt out for a link without expiry).`,
        );
      }
    }
    if (this.ofFile(file).length >= this.maxPerFile) {
      return problem(
        409,
        "SHARE_LINK_LIMIT",
        `A file has at most ${this.maxPerFile} share links; revoke one first.`,
        { maxPerFile: this.maxPerFile },
      );
    }
    const link = this.addLink(file, {
      createdAt: new Date().toISOString(),
      expiresAt: expiresAt === null ? null : new Date(expiresAt as string).toISOString(),
    });
    this.files.record(file, "share-link-created", {
      shareLinkId: link.id,
      ...(link.expiresAt ? { expiresAt: link.expiresAt } : {}),
    });
    return {
      ...ok("post", "/api/files/{id}/share-links", this.view(link), 201),
      headers: { location: `/api/share-links/${link.id}` },
    };
  }
}

/** A 429 of the gateway's per-link rate limit, whose Retry-After the page may read. */
export function rateLimited(seconds: number): Reply {
  const reply = problem(
    429,
    "RATE_LIMITED",
    "Too many requests. Retry after the time in the Retry-After header.",
  );
  return {
    ...reply,
    headers: {
      ...cors,
      "retry-after": String(seconds),
      "access-control-expose-headers": "retry-after",
    },
  };
}
