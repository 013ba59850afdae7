import { expect, test } from "@playwright/test";
import { EventStreamParser, type StreamEvent } from "@/lib/events";

// The parser of the live events on its own, in Node: no browser.

function parseAll(pieces: string[]): { events: StreamEvent[]; retry: number | null } {
  const parser = new EventStreamParser();
  const events = pieces.flatMap((piece) => parser.push(piece));
  return { events, retry: parser.retry };
}

const stream = [
  "retry: 3000",
  "",
  "event: open",
  'data: {"expiresAt":"2026-11-20T09:15:00Z"}',
  "",
  ": keep-alive",
  "",
  "event: archive",
  "id: a-1",
  'data: {"id":"a-1",',
  'data: "name":"Fotos ✓.zip"}',
  "",
  "data:no space",
  "data:  two spaces",
  "",
  "id",
  "data",
  "",
];

const expected: StreamEvent[] = [
  { event: "open", data: '{"expiresAt":"2026-11-20T09:15:00Z"}', lastEventId: "" },
  { event: "archive", data: '{"id":"a-1",\n"name":"Fotos ✓.zip"}', lastEventId: "a-1" },
  { event: "message", data: "no space\n two spaces", lastEventId: "a-1" },
  // A field name alone is a field with an empty value: the id is reset, the data is empty.
  { event: "message", data: "", lastEventId: "" },
];

for (const [name, end] of [
  ["LF", "\n"],
  ["CRLF", "\r\n"],
  ["CR", "\r"],
] as const) {
  test(`events with ${name} line ends are read whole, however the text is cut`, () => {
    const text = stream.map((line) => line + end).join("");
    expect(parseAll([text])).toEqual({ events: expected, retry: 3000 });
    // Every cut in two, and one character at a time.
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseAll([text.slice(0, cut), text.slice(cut)]).events).toEqual(expected);
    }
    expect(parseAll([...text]).events).toEqual(expected);
  });
}

test("a CR and LF cut apart end one line, not two", () => {
  // Read as two line ends, the LF would be an empty line dispatching "a" on its own.
  expect(parseAll(["data: a\r", "\ndata: b\r\n", "\r\n"]).events).toEqual([
    { event: "message", data: "a\nb", lastEventId: "" },
  ]);
});

test("an event is dispatched only by an empty line, and one without data not at all", () => {
  const parser = new EventStreamParser();
  expect(parser.push("event: archive\ndata: x\n")).toEqual([]);
  expect(parser.push("\n")).toEqual([{ event: "archive", data: "x", lastEventId: "" }]);
  // The event type does not carry over, and an event without data lines is dropped.
  expect(parser.push("event: archive\n\ndata: y\n\n")).toEqual([
    { event: "message", data: "y", lastEventId: "" },
  ]);
  // An unfinished event at the end of the stream is never dispatched.
  expect(parser.push("data: z")).toEqual([]);
});

test("retry takes digits only, and unknown fields and comments are ignored", () => {
  const parser = new EventStreamParser();
  parser.push("retry: 2500\n\n");
  expect(parser.retry).toBe(2500);
  parser.push("retry: soon\nretry: 1e3\nretry:\n\n");
  expect(parser.retry).toBe(2500);
  expect(parser.push(":data: not this\nfoo: bar\ndata: this\n\n")).toEqual([
    { event: "message", data: "this", lastEventId: "" },
  ]);
});

test("a character cut between network reads is decoded whole, as the stream reader decodes", () => {
  const bytes = new TextEncoder().encode('event: archive\ndata: {"name":"Fotos ✓.zip"}\n\n');
  const check = bytes.indexOf(0xe2);
  for (const cut of [check + 1, check + 2]) {
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    const events = [
      ...parser.push(decoder.decode(bytes.subarray(0, cut), { stream: true })),
      ...parser.push(decoder.decode(bytes.subarray(cut), { stream: true })),
      ...parser.push(decoder.decode()),
    ];
    expect(events).toEqual([{ event: "archive", data: '{"name":"Fotos ✓.zip"}', lastEventId: "" }]);
  }
});
