/**
 * Reads the mail the stack sent, from the mail catcher's IMAP port (plain IMAP, no TLS; the user
 * name is the recipient's address and any password is accepted). Just enough IMAP for that:
 * LOGIN, SELECT INBOX, SEARCH ALL, FETCH n BODY[TEXT] (and the two header fields that say how the
 * text is encoded), LOGOUT.
 */
import { connect, type Socket } from "node:net";

export const imapHost = process.env.DEPOT_IMAP_HOST || "127.0.0.1";
export const imapPort = Number(process.env.DEPOT_IMAP_PORT || 12143);

const CRLF = Buffer.from("\r\n");
const SOCKET_TIMEOUT_MS = 10_000;

interface Response {
  /** Untagged lines, with any literal they carried left out. */
  lines: string[];
  /** The literals (`{n}` followed by n bytes), in order. */
  literals: Buffer[];
}

function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

class ImapConnection {
  private buffer = Buffer.alloc(0);
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private tags = 0;

  private constructor(private readonly socket: Socket) {
    socket.setTimeout(SOCKET_TIMEOUT_MS, () =>
      socket.destroy(new Error(`IMAP: no answer within ${SOCKET_TIMEOUT_MS} ms`)),
    );
    socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.notify();
    });
    socket.on("error", (error) => {
      this.failure = error;
      this.notify();
    });
    socket.on("close", () => {
      this.failure ??= new Error("IMAP: the server closed the connection");
      this.notify();
    });
  }

  static async open(host: string, port: number): Promise<ImapConnection> {
    const connection = new ImapConnection(connect({ host, port }));
    const greeting = await connection.readLine();
    if (!/^\* (OK|PREAUTH)\b/i.test(greeting)) {
      connection.close();
      throw new Error(`IMAP: unexpected greeting ${JSON.stringify(greeting)}`);
    }
    return connection;
  }

  /** Sends a command and reads up to its tagged answer; throws unless that answer is OK. */
  async command(text: string): Promise<Response> {
    const tag = `A${++this.tags}`;
    this.socket.write(`${tag} ${text}\r\n`);
    const response: Response = { lines: [], literals: [] };
    for (;;) {
      let line = await this.readLine();
      // A line ending in {n} announces n bytes of literal data, after which the line goes on.
      let literal = /\{(\d+)\}$/.exec(line);
      while (literal) {
        response.literals.push(await this.readBytes(Number(literal[1])));
        const rest = await this.readLine();
        line = `${line.slice(0, literal.index)}${rest}`;
        literal = /\{(\d+)\}$/.exec(rest);
      }
      if (line.startsWith(`${tag} `)) {
        if (!/^\S+ OK\b/i.test(line)) {
          throw new Error(`IMAP: ${text.split(" ")[0]} failed: ${line}`);
        }
        return response;
      }
      response.lines.push(line);
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async waitForData(): Promise<void> {
    if (this.failure) {
      throw this.failure;
    }
    await new Promise<void>((resolve) => {
      this.wake = resolve;
    });
  }

  private async readLine(): Promise<string> {
    for (;;) {
      const end = this.buffer.indexOf(CRLF);
      if (end >= 0) {
        const line = this.buffer.subarray(0, end).toString("utf8");
        this.buffer = this.buffer.subarray(end + CRLF.length);
        return line;
      }
      await this.waitForData();
    }
  }

  private async readBytes(count: number): Promise<Buffer> {
    while (this.buffer.length < count) {
      await this.waitForData();
    }
    const bytes = this.buffer.subarray(0, count);
    this.buffer = this.buffer.subarray(count);
    return bytes;
  }
}

/** The text of every message in the mailbox of `address`, decoded, newest first. */
export async function readMailbox(address: string): Promise<string[]> {
  const imap = await ImapConnection.open(imapHost, imapPort);
  try {
    await imap.command(`LOGIN ${quote(address)} ${quote("any-password")}`);
    await imap.command("SELECT INBOX");
    const search = await imap.command("SEARCH ALL");
    const numbers = search.lines
      .filter((line) => /^\* SEARCH\b/i.test(line))
      .flatMap((line) => line.split(" ").slice(2))
      .filter((n) => /^\d+$/.test(n))
      .map(Number)
      .sort((a, b) => b - a);
    const texts: string[] = [];
    for (const n of numbers) {
      const headers = await imap.command(
        `FETCH ${n} BODY.PEEK[HEADER.FIELDS (CONTENT-TYPE CONTENT-TRANSFER-ENCODING)]`,
      );
      const text = await imap.command(`FETCH ${n} BODY[TEXT]`);
      texts.push(
        decodeMime(
          headers.literals.map((l) => l.toString("latin1")).join(""),
          text.literals.map((l) => l.toString("latin1")).join(""),
        ),
      );
    }
    await imap.command("LOGOUT").catch(() => undefined);
    return texts;
  } finally {
    imap.close();
  }
}

function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`));
  return line?.slice(name.length + 1).trim();
}

function decodeTransfer(body: string, encoding: string | undefined): string {
  switch (encoding?.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return Buffer.from(
        body
          .replace(/=\r?\n/g, "")
          .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8");
    default:
      return Buffer.from(body, "latin1").toString("utf8");
  }
}

/**
 * The readable text of a message body (bytes as latin1) with the given headers: every part of a
 * multipart body, each with its transfer encoding (base64, quoted-printable) undone.
 */
export function decodeMime(headers: string, body: string): string {
  const type = headerValue(headers, "content-type") ?? "text/plain";
  const boundary = /boundary="?([^";\s]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) {
    return decodeTransfer(body, headerValue(headers, "content-transfer-encoding"));
  }
  const parts: string[] = [];
  for (const chunk of body.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith("--")) {
      break;
    }
    const part = chunk.replace(/^\r?\n/, "");
    const split = /\r?\n\r?\n/.exec(part);
    const partHeaders = split ? part.slice(0, split.index) : "";
    const partBody = split ? part.slice(split.index + split[0].length) : part;
    parts.push(decodeMime(partHeaders, partBody));
  }
  return parts.join("\n");
}

/**
 * Polls the mailbox of `address` until a message contains `pattern`, and returns the match.
 * Gives up after `timeoutMs` (30 s by default).
 */
export async function waitForMail(
  address: string,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      for (const text of await readMailbox(address)) {
        const match = text.replaceAll("&amp;", "&").match(pattern);
        if (match) {
          return match;
        }
      }
      lastError = null;
    } catch (error) {
      // The mailbox may not exist until the first message arrives.
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last IMAP error: ${lastError.message})` : "";
      throw new Error(
        `No mail to ${address} matching ${pattern} within ${timeoutMs / 1000} s at ` +
          `${imapHost}:${imapPort}${why}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
